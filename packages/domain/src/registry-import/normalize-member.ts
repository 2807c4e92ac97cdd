import { nikMismatches } from '../nik.ts';
import type { ParsedNik, Sex } from '../nik.ts';
import { SEXES } from '../reference/index.ts';
import { MAX_NAME_LENGTH } from '../schemas/common.ts';
import { MEMBER_MATCHERS } from './code-matchers.ts';
import { MEMBER_FIELD_LABELS } from './fields.ts';
import { readNik, readNoKk } from './read-identity.ts';
import { RowReader, blankRowIssue, isBlankRow, rowHeaders } from './row-reader.ts';
import type { FieldRef } from './row-reader.ts';
import { parseCode, parseCodeList, parseDate, parseDifficulty, parseNumber, parseSex, parseText, parseYesNo } from './values.ts';
import type { ColumnMapping, MemberField, MemberRecord, NormalizeContext, NormalizedRow, RawRow } from './types.ts';

/** DTSEN's one-column-per-difficulty items and the disability code each folds into. */
export const DIFFICULTY_COLUMNS = {
  dis_penglihatan: 'penglihatan',
  dis_pendengaran: 'pendengaran',
  dis_berjalan: 'berjalan_atau_naik_tangga',
  dis_tangan: 'menggunakan_tangan_jari',
  dis_belajar: 'belajar_kemampuan_intelektual',
  dis_perilaku: 'pengendalian_perilaku',
  dis_bicara: 'berbicara_komunikasi',
  dis_mengurus_diri: 'mengurus_diri',
  dis_mengingat: 'mengingat_berkonsentrasi',
  dis_depresi: 'kesedihan_depresi',
} as const satisfies Partial<Record<MemberField, string>>;

const DIFFICULTY_ENTRIES = Object.entries(DIFFICULTY_COLUMNS) as [keyof typeof DIFFICULTY_COLUMNS, string][];

/** "A lot of difficulty" or "cannot do at all": the Washington Group cut-off for counting a disability. */
export const DIFFICULTY_THRESHOLD = 3;
const PREGNANT_STATUS = 'hamil';
const MAX_TURNOVER = 1_000_000_000_000;

/** A member's No KK: its own column, or on a combined sheet the family's column when the member side has none. */
function noKkRef(mapping: ColumnMapping): FieldRef {
  const header = mapping.member.noKk ?? (mapping.sheetKind === 'combined' ? mapping.family.noKk : undefined);
  return { field: 'noKk', header, label: MEMBER_FIELD_LABELS.noKk };
}

function sexLabel(sex: Sex): { id: string; en: string } {
  const item = SEXES.find((s) => s.code === sex);
  return { id: item?.id ?? sex, en: item?.en ?? sex };
}

/** Disagreements with the NIK are warnings: the registry keeps what the file says and shows the conflict. */
function checkAgainstNik(reader: RowReader, nik: ParsedNik, ref: (field: MemberField) => FieldRef, birthDate: string | null, sex: Sex | null): void {
  for (const mismatch of nikMismatches(nik, { birthDate, sex })) {
    if (mismatch.field === 'birthDate') reader.report(ref('birthDate'), 'nik_birth_date_mismatch', 'warning', { nikValue: mismatch.fromNik });
    else reader.report(ref('sex'), 'nik_sex_mismatch', 'warning', { nikValue: sexLabel(nik.sex) });
  }
}

function readDisabilities(reader: RowReader, ref: (field: MemberField) => FieldRef): string[] {
  const codes = new Set(reader.read(ref('disabilities'), (raw) => parseCodeList(MEMBER_MATCHERS.disabilities, raw, { several: true })) ?? []);
  for (const [field, code] of DIFFICULTY_ENTRIES) {
    const level = reader.read(ref(field), parseDifficulty);
    if (level !== null && level >= DIFFICULTY_THRESHOLD) codes.add(code);
  }
  return [...codes];
}

/**
 * Reads the member side of a row. Severity policy: NIK, No KK and name are required (errors); a birth date or sex
 * that disagrees with the NIK is a warning; every other field is optional and an unreadable value is a warning
 * that leaves the field empty (an unknown item of a list is dropped alone).
 */
export function readMember(reader: RowReader, mapping: ColumnMapping, ctx: NormalizeContext): MemberRecord | null {
  const ref = (field: MemberField): FieldRef => ({ field, header: mapping.member[field], label: MEMBER_FIELD_LABELS[field] });
  const code = (field: 'relation' | 'maritalStatus' | 'schooling' | 'education' | 'workStatus') =>
    reader.read(ref(field), (raw) => parseCode(MEMBER_MATCHERS[field], raw));
  const nik = readNik(reader, ref('nik'), ctx.today);
  const noKk = readNoKk(reader, noKkRef(mapping), ctx.today);
  const name = reader.read(ref('name'), (raw) => parseText(raw, MAX_NAME_LENGTH), { required: true });
  const birthDate = reader.read(ref('birthDate'), (raw) => parseDate(raw, { today: ctx.today }));
  const sex = reader.read(ref('sex'), parseSex);
  if (nik) checkAgainstNik(reader, nik, ref, birthDate, sex);
  const specialStatus = reader.read(ref('specialStatus'), (raw) => parseCodeList(MEMBER_MATCHERS.specialStatus, raw)) ?? [];
  if (reader.read(ref('pregnant'), parseYesNo) === true && !specialStatus.includes(PREGNANT_STATUS)) specialStatus.push(PREGNANT_STATUS);
  const record: MemberRecord = {
    nik: nik?.nik ?? '',
    noKk: noKk ?? '',
    name: name ?? '',
    birthDate,
    sex,
    relation: code('relation'),
    maritalStatus: code('maritalStatus'),
    schooling: code('schooling'),
    education: code('education'),
    workStatus: code('workStatus'),
    workSector: reader.read(ref('workSector'), (raw) => parseCode(MEMBER_MATCHERS.workSector, raw)),
    disabilities: readDisabilities(reader, ref),
    chronicIllness: reader.read(ref('chronicIllness'), (raw) => parseCode(MEMBER_MATCHERS.chronicIllness, raw, { noneMeansEmpty: true })),
    ppks: reader.read(ref('ppks'), (raw) => parseCodeList(MEMBER_MATCHERS.ppks, raw)) ?? [],
    specialStatus,
    businessOwner: reader.read(ref('businessOwner'), parseYesNo),
    businessTurnover: reader.read(ref('businessTurnover'), (raw) => parseNumber(raw, { min: 0, max: MAX_TURNOVER })),
  };
  return reader.hasError() ? null : record;
}

/** Normalises one row of a member sheet; a row with every mapped cell empty is rejected as `blank_row`. */
export function normalizeMemberRow(raw: RawRow, mapping: ColumnMapping, ctx: NormalizeContext): NormalizedRow<MemberRecord> {
  if (isBlankRow(raw, rowHeaders(mapping, 'member'))) return { record: null, issues: [blankRowIssue()] };
  const reader = new RowReader(raw);
  const record = readMember(reader, mapping, ctx);
  return { record, issues: reader.issues };
}

/**
 * The family business as DTSEN's per-person answers imply it: active when a member owns a business, with the
 * members' turnovers summed. Null fields mean the members' rows did not say.
 */
export function businessFromMembers(members: readonly Pick<MemberRecord, 'businessOwner' | 'businessTurnover'>[]): {
  businessStatus: 'none' | 'active' | null;
  businessTurnover: number | null;
} {
  const answered = members.filter((m) => m.businessOwner !== null && m.businessOwner !== undefined);
  const owners = answered.filter((m) => m.businessOwner === true);
  const turnovers = owners.map((m) => m.businessTurnover).filter((t): t is number => typeof t === 'number');
  return {
    businessStatus: answered.length === 0 ? null : owners.length > 0 ? 'active' : 'none',
    businessTurnover: turnovers.length === 0 ? null : turnovers.reduce((sum, t) => sum + t, 0),
  };
}
