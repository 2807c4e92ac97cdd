import { inJurisdiction } from '../access.ts';
import { FAMILY_FIELD_LABELS } from './fields.ts';
import type { FieldRef, RowReader } from './row-reader.ts';
import { cellText, isBlank } from './value-core.ts';
import type { ColumnMapping, FamilyField, RawValue } from './types.ts';

type VillagePart = 'villageCode' | 'provinceCode' | 'regencyCode' | 'kecamatanCode' | 'villageLocalCode';

// Kemendagri code widths: province 2, regency 2, kecamatan 2, village 4 digits (35.07.13.2001).
const SEGMENT_WIDTHS = [2, 2, 2, 4] as const;
const FULL_LENGTH = 10;

/** Which lengths each column may carry, local part or full code from the province down. */
const ACCEPTED_LENGTHS: Record<VillagePart, readonly number[]> = {
  provinceCode: [2],
  regencyCode: [2, 4],
  kecamatanCode: [2, 6],
  villageLocalCode: [4, 10],
  villageCode: [10],
};

/** Where each column's digits sit in the 10-digit code: its own segment, or everything up to its end. */
const SEGMENT_END: Record<VillagePart, number> = { provinceCode: 2, regencyCode: 4, kecamatanCode: 6, villageLocalCode: 10, villageCode: 10 };

const PART_NAMES: Record<Exclude<VillagePart, 'villageCode'>, { id: string; en: string }> = {
  provinceCode: { id: 'kode provinsi', en: 'province code' },
  regencyCode: { id: 'kode kabupaten/kota', en: 'regency code' },
  kecamatanCode: { id: 'kode kecamatan', en: 'district code' },
  villageLocalCode: { id: 'kode desa/kelurahan', en: 'village code' },
};

type Digits = { ok: true; digits: string } | { ok: false; bps: boolean };

/** The digits of one code cell: "35.07.13.2001", "3507132001", 7 (a regency typed as a number), "'07". */
export function codeDigits(raw: RawValue, part: VillagePart): Digits {
  let text: string;
  if (typeof raw === 'number') {
    // Excel reads a typed "35.10" as the number 35.1; two decimals give the regency back.
    text = Number.isInteger(raw) ? raw.toFixed(0) : part === 'regencyCode' ? raw.toFixed(2) : String(raw);
  } else {
    text = cellText(raw).replace(/^['’`]+/, '').trim();
  }
  let digits: string;
  if (/^\d+(\.\d+)+$/.test(text)) {
    const segments = text.split('.');
    if (segments.length > SEGMENT_WIDTHS.length || segments.some((s, i) => s.length > (SEGMENT_WIDTHS[i] ?? 0))) return { ok: false, bps: false };
    digits = segments.map((s, i) => s.padStart(SEGMENT_WIDTHS[i] ?? 0, '0')).join('');
  } else if (/^\d+$/.test(text)) {
    digits = text;
    // Local parts lose their leading zero when a spreadsheet stores them as numbers: 7 → 07.
    if (part === 'regencyCode' || part === 'kecamatanCode' || part === 'provinceCode') digits = digits.length === 1 ? `0${digits}` : digits;
  } else {
    return { ok: false, bps: false };
  }
  if (ACCEPTED_LENGTHS[part].includes(digits.length)) return { ok: true, digits };
  const bps = (part === 'kecamatanCode' && (digits.length === 3 || digits.length === 7)) || (part === 'villageLocalCode' && digits.length === 3);
  return { ok: false, bps };
}

interface KnownPart {
  part: VillagePart;
  ref: FieldRef;
  digits: string;
}

function dotted(code: string): string {
  return `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}.${code.slice(6)}`;
}

/** The slice of the full code a column must agree with. */
function expectedSlice(known: KnownPart, code: string): string {
  const end = SEGMENT_END[known.part];
  return known.digits.length === end ? code.slice(0, end) : code.slice(end - known.digits.length, end);
}

/** Builds the prefix digits up to `end` from the parts at hand (province + regency + kecamatan), or names the missing part. */
function prefixFrom(parts: Map<VillagePart, KnownPart>, end: 2 | 4 | 6): { digits: string } | { missing: Exclude<VillagePart, 'villageCode'> } {
  const order = ['provinceCode', 'regencyCode', 'kecamatanCode'] as const;
  const part = order[end / 2 - 1] ?? 'provinceCode';
  const known = parts.get(part);
  if (known?.digits.length === end) return { digits: known.digits };
  if (!known) return { missing: part };
  if (end === 2) return { digits: known.digits };
  const above = prefixFrom(parts, (end - 2) as 2 | 4);
  return 'digits' in above ? { digits: above.digits + known.digits } : above;
}

/**
 * The village (desa/kelurahan) code of a family row, dotted (35.07.13.2001), assembled from one full code or
 * from province/regency/kecamatan/village columns; required, and it must lie inside the jurisdiction.
 * Whether the village exists in today's region table is the server's check.
 */
export function readVillageCode(reader: RowReader, family: ColumnMapping['family'], jurisdiction: string): string | null {
  const ref = (field: FamilyField): FieldRef => ({ field, header: family[field], label: FAMILY_FIELD_LABELS[field] });
  const order: VillagePart[] = ['villageCode', 'villageLocalCode', 'kecamatanCode', 'regencyCode', 'provinceCode'];
  const mapped = order.filter((part) => family[part] !== undefined);
  if (mapped.length === 0) {
    reader.report(ref('villageCode'), 'column_not_mapped', 'error');
    return null;
  }
  const parts = new Map<VillagePart, KnownPart>();
  for (const part of mapped) {
    const raw = reader.cell(family[part]);
    if (isBlank(raw)) continue;
    const digits = codeDigits(raw, part);
    if (!digits.ok) {
      reader.report(ref(part), digits.bps ? 'village_code_bps' : 'village_code_invalid', 'error');
      return null;
    }
    parts.set(part, { part, ref: ref(part), digits: digits.digits });
  }
  const mostSpecific = order.map((part) => parts.get(part)).find((known) => known !== undefined);
  if (!mostSpecific) {
    reader.report(ref(mapped[0] ?? 'villageCode'), 'required_missing', 'error');
    return null;
  }
  let code: string;
  if (mostSpecific.digits.length === FULL_LENGTH) {
    code = mostSpecific.digits;
  } else if (mostSpecific.part !== 'villageLocalCode') {
    reader.report(mostSpecific.ref, 'village_code_incomplete', 'error', { missing: PART_NAMES.villageLocalCode });
    return null;
  } else {
    const prefix = prefixFrom(parts, 6);
    if ('missing' in prefix) {
      reader.report(mostSpecific.ref, 'village_code_incomplete', 'error', { missing: PART_NAMES[prefix.missing] });
      return null;
    }
    code = prefix.digits + mostSpecific.digits;
  }
  for (const known of parts.values()) {
    if (known.digits === expectedSlice(known, code)) continue;
    const otherHeader = mostSpecific.ref.header ?? '';
    reader.report(known.ref, 'village_parts_conflict', 'error', { otherColumn: otherHeader, otherValue: dotted(code) });
    return null;
  }
  const village = dotted(code);
  if (!inJurisdiction(jurisdiction, village)) {
    reader.report(mostSpecific.ref, 'village_outside_jurisdiction', 'error', { value: village, jurisdiction });
    return null;
  }
  return village;
}
