import { ENROLMENT_STATUS_LABELS, maskIdNumber, type EnrolmentStatus } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';

/** One line of a decree's list of beneficiaries, as printed. */
export interface DecreeLine {
  no: number;
  headNik: string;
  noKk: string;
  headName: string;
  address: string;
  village: string;
  kecamatan: string;
  desil: number | null;
  status: string;
}

interface LineRow {
  head_nik: string | null;
  no_kk: string;
  head_name: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  village: string;
  kecamatan: string;
  desil: number | null;
  status: EnrolmentStatus;
}

function addressOf(row: LineRow): string {
  const rtRw = row.rt || row.rw ? `RT ${row.rt ?? '-'}/RW ${row.rw ?? '-'}` : '';
  return [row.address, rtRw].filter(Boolean).join(', ');
}

/**
 * The families a decree fixed (cancelled ones stay listed with their status), in the user's scope, ordered by
 * kecamatan, village and rank. NIK and No KK masked unless `unmasked`.
 */
export async function decreeLines(db: Kysely<DB>, decreeId: string, scope: RawBuilder<SqlBool> | null, unmasked: boolean): Promise<DecreeLine[]> {
  const result = await sql<LineRow>`
    SELECT h.nik AS head_nik, f.no_kk, coalesce(h.name, f.head_name) AS head_name, f.address, f.rt, f.rw, v.name AS village, k.name AS kecamatan,
           f.desil_national AS desil, e.status
      FROM program_enrolment e
      JOIN family f ON f.id = e.family_id
      JOIN region v ON v.code = e.village_code
      JOIN region k ON k.code = e.kecamatan_code
      LEFT JOIN LATERAL (
        SELECT m.nik, m.name FROM member m WHERE m.family_id = f.id AND m.relation = 1 ORDER BY (m.status = 'active') DESC, m.nik LIMIT 1
      ) h ON TRUE
     WHERE e.decree_id = ${decreeId}::uuid ${scope ? sql`AND ${scope}` : sql``}
     ORDER BY e.kecamatan_code, e.village_code, e.rank NULLS LAST, f.no_kk COLLATE "C"`.execute(db);
  const show = (value: string | null) => (value === null ? '' : unmasked ? value : maskIdNumber(value));
  return result.rows.map((row, index) => ({
    no: index + 1,
    headNik: show(row.head_nik),
    noKk: show(row.no_kk),
    headName: row.head_name ?? '',
    address: addressOf(row),
    village: row.village,
    kecamatan: row.kecamatan,
    desil: row.desil,
    status: ENROLMENT_STATUS_LABELS[row.status].id,
  }));
}

/** Column headings in the order of DecreeLine, with widths for both formats. */
export const DECREE_COLUMNS: readonly { key: keyof DecreeLine; title: string; width: number }[] = [
  { key: 'no', title: 'No', width: 5 },
  { key: 'headNik', title: 'NIK Kepala Keluarga', width: 20 },
  { key: 'noKk', title: 'No KK', width: 20 },
  { key: 'headName', title: 'Nama Kepala Keluarga', width: 28 },
  { key: 'address', title: 'Alamat', width: 30 },
  { key: 'village', title: 'Desa/Kelurahan', width: 18 },
  { key: 'kecamatan', title: 'Kecamatan', width: 16 },
  { key: 'desil', title: 'Desil', width: 6 },
  { key: 'status', title: 'Status', width: 18 },
];
