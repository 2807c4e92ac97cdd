import { parseKk } from '../kk.ts';
import { parseNik } from '../nik.ts';
import type { ParsedNik } from '../nik.ts';
import { ID_NUMBER_REASONS } from './issues.ts';
import type { FieldRef, RowReader } from './row-reader.ts';
import { parseIdNumber } from './values.ts';

/** The No KK of a row, always required: a family is keyed on it and a member must name the card it belongs to. */
export function readNoKk(reader: RowReader, ref: FieldRef, today: Date): string | null {
  const digits = reader.read(ref, parseIdNumber, { required: true });
  if (digits === null) return null;
  const kk = parseKk(digits, today);
  if (kk.ok) return kk.noKk;
  reader.report(ref, 'kk_invalid', 'error', { reason: ID_NUMBER_REASONS[kk.error] });
  return null;
}

/** The NIK of a row, required. A prefix that is no longer a current kecamatan is accepted here; the server warns. */
export function readNik(reader: RowReader, ref: FieldRef, today: Date): ParsedNik | null {
  const digits = reader.read(ref, parseIdNumber, { required: true });
  if (digits === null) return null;
  const nik = parseNik(digits, today);
  if (nik.ok) return nik;
  reader.report(ref, 'nik_invalid', 'error', { reason: ID_NUMBER_REASONS[nik.error] });
  return null;
}
