import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { DONOMULYO_VILLAGES, insertFamilies, KEPANJEN_VILLAGES, noKkAt, type FamilySpec } from '../programs/test-kit.ts';

/**
 * A small registry with programs of every approach and receipts whose numbers the tests derive by hand:
 *
 * | family | place           | desil | receipts (status, day)                                                        |
 * |--------|-----------------|-------|-------------------------------------------------------------------------------|
 * | F1     | Kepanjen 2001   | 1     | Sembako served 2026-05, Usaha A served 2026-05, Usaha B in decree 2026-03-16 |
 * | F2     | Kepanjen 2001   | 2     | Sembako served 2026-05, Usaha A served 2025-08                                |
 * | F3     | Kepanjen 2002   | 3     | Usaha A served 2025-08, Usaha B served 2026-05                                |
 * | F4     | Kepanjen 2002   | 4     | BLT served 2026-05, PKH finished 2026-05                                      |
 * | F5     | Kepanjen 2002   | 5     | (Sembako candidate, RTLH cancelled: not received)                             |
 * | F6     | Kepanjen 2001   | 1     | —                                                                             |
 * | F7     | Donomulyo 2001  | 2     | Sembako served 2026-05, Usaha A stopped (served 2026-05), RTLH served 2026-05 |
 * | F8     | Donomulyo 2001  | 7     | Sembako served 2026-05                                                        |
 * | F9     | Donomulyo 2002  | 3     | —                                                                             |
 * | F10    | Donomulyo 2002  | —     | —                                                                             |
 * | F11    | Donomulyo 2001  | 1     | Sembako served 2026-05, Usaha A served 2026-05                                |
 */
export const PROGRAMS = {
  sembako: { name: 'Sembako 2026', kind: 'food_aid', approach: 'lower_spending' },
  pkh: { name: 'PKH 2026', kind: 'conditional_cash', approach: 'lower_spending' },
  usahaA: { name: 'Paket Usaha A', kind: 'business_package', approach: 'raise_income' },
  usahaB: { name: 'Modal Usaha B', kind: 'business_package', approach: 'raise_income' },
  rtlh: { name: 'Bedah Rumah', kind: 'house_renovation', approach: 'remove_pockets' },
  blt: { name: 'BLT Dana Desa', kind: 'cash_transfer', approach: 'lower_spending' },
} as const;
export type ProgramKey = keyof typeof PROGRAMS;

const MAY_2026 = '2026-05-12T10:00:00+07:00';
const AUG_2025 = '2025-08-01T10:00:00+07:00';
type Receipt = [ProgramKey, 'served' | 'finished' | 'stopped' | 'in_decree' | 'candidate' | 'cancelled', string | null];

const [K1, K2] = KEPANJEN_VILLAGES;
const [D1, D2] = DONOMULYO_VILLAGES;
const FAMILIES: { label: string; village: string; desil: number | null; receipts: Receipt[] }[] = [
  { label: 'F1', village: K1, desil: 1, receipts: [['sembako', 'served', MAY_2026], ['usahaA', 'served', MAY_2026], ['usahaB', 'in_decree', null]] },
  { label: 'F2', village: K1, desil: 2, receipts: [['sembako', 'served', MAY_2026], ['usahaA', 'served', AUG_2025]] },
  { label: 'F3', village: K2, desil: 3, receipts: [['usahaA', 'served', AUG_2025], ['usahaB', 'served', MAY_2026]] },
  { label: 'F4', village: K2, desil: 4, receipts: [['blt', 'served', MAY_2026], ['pkh', 'finished', MAY_2026]] },
  { label: 'F5', village: K2, desil: 5, receipts: [['sembako', 'candidate', null], ['rtlh', 'cancelled', null]] },
  { label: 'F6', village: K1, desil: 1, receipts: [] },
  { label: 'F7', village: D1, desil: 2, receipts: [['sembako', 'served', MAY_2026], ['usahaA', 'stopped', MAY_2026], ['rtlh', 'served', MAY_2026]] },
  { label: 'F8', village: D1, desil: 7, receipts: [['sembako', 'served', MAY_2026]] },
  { label: 'F9', village: D2, desil: 3, receipts: [] },
  { label: 'F10', village: D2, desil: null, receipts: [] },
  { label: 'F11', village: D1, desil: 1, receipts: [['sembako', 'served', MAY_2026], ['usahaA', 'served', MAY_2026]] },
];

export interface CoverageWorld {
  families: Record<string, { id: string; noKk: string }>;
  programs: Record<ProgramKey, string>;
  decreeNumber: string;
}

/** Inserts the table above (No KK serials start at `offset`) for programs of `agencyId`. */
export async function insertCoverageWorld(db: Kysely<DB>, agencyId: string, offset = 0): Promise<CoverageWorld> {
  const programs = {} as Record<ProgramKey, string>;
  for (const [key, program] of Object.entries(PROGRAMS) as [ProgramKey, (typeof PROGRAMS)[ProgramKey]][]) {
    const row = await db.insertInto('program').values({
      agency_id: agencyId, name: program.name, kind: program.kind, approach: program.approach, period_from: '2025-01-01', period_to: '2026-12-31',
      funding_source: 'apbd', status: 'active',
    }).returning('id').executeTakeFirstOrThrow();
    programs[key] = row.id;
  }
  const decreeNumber = '188.45/77/KEP/2026';
  const decree = await db.insertInto('program_decree').values({
    program_id: programs.usahaB, number: decreeNumber, decree_date: '2026-03-16', signed_by: 'Bupati Malang', kind: 'initial', enrolment_count: 1,
  }).returning('id').executeTakeFirstOrThrow();
  const specs: FamilySpec[] = FAMILIES.map((family, index) => ({
    villageCode: family.village, noKk: noKkAt(family.village, offset + index + 1), desil: family.desil, business: 'none', headSex: 'L', headBirthDate: '1980-04-01',
  }));
  const ids = await insertFamilies(db, specs);
  const families: CoverageWorld['families'] = {};
  for (const [index, family] of FAMILIES.entries()) {
    const id = ids[index]!;
    families[family.label] = { id, noKk: specs[index]!.noKk };
    for (const [program, status, servedAt] of family.receipts) {
      await db.insertInto('program_enrolment').values({
        program_id: programs[program], family_id: id, kecamatan_code: family.village.slice(0, 8), village_code: family.village, status, source: 'targeting',
        rank: 1, served_at: servedAt === null ? null : new Date(servedAt), decree_id: status === 'in_decree' ? decree.id : null,
      }).execute();
    }
  }
  return { families, programs, decreeNumber };
}
