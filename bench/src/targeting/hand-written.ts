import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../packages/server/src/db/schema/index.ts';

export interface ListedFamily {
  family_id: string;
  rank: number;
  outcome: 'selected' | 'waiting';
  waiting_rank: number | null;
}

export interface HandWrittenInput {
  programId: string;
  referenceDate: string;
  quotas: readonly { kecamatanCode: string; families: number }[];
  targetFamilies: number;
}

/**
 * The business-package targeting as a person would write it by hand for this one rule: desil 1–5, business stopped,
 * a head of family aged 18–59, no business-capital program received this year; lower desil first, then a member
 * with a disability, then a female head, No KK breaking ties; the first families of each kecamatan's quota, the
 * first of those up to the target, everyone else waiting in rank order. The yardstick for the compiled run.
 */
export async function handWrittenList(db: Kysely<DB>, input: HandWrittenInput): Promise<ListedFamily[]> {
  const year = input.referenceDate.slice(0, 4);
  const result = await sql<ListedFamily>`
    WITH qualified AS (
      SELECT f.id, f.kecamatan_code, f.no_kk, f.desil_national AS desil,
             EXISTS (SELECT 1 FROM member m WHERE m.family_id = f.id AND cardinality(m.disabilities) > 0) AS disabled,
             EXISTS (SELECT 1 FROM member m WHERE m.family_id = f.id AND m.relation = 1 AND m.sex = 'P') AS female_head
        FROM family f
       WHERE f.desil_national BETWEEN 1 AND 5
         AND f.business_status = 'stalled'
         AND EXISTS (SELECT 1 FROM member m
                      WHERE m.family_id = f.id AND m.relation = 1
                        AND m.birth_date <= (${input.referenceDate}::date - interval '18 years')::date
                        AND m.birth_date > (${input.referenceDate}::date - interval '60 years')::date)
         AND NOT EXISTS (SELECT 1 FROM program_enrolment pe JOIN program p ON p.id = pe.program_id
                          WHERE pe.family_id = f.id AND p.kind = 'business_package' AND pe.program_id <> ${input.programId}::uuid
                            AND pe.status IN ('in_decree', 'served', 'finished', 'stopped')
                            AND pe.received_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date)
    ), ranked AS (
      SELECT q.id, q.kecamatan_code,
             row_number() OVER (ORDER BY q.desil, q.disabled DESC, q.female_head DESC, q.no_kk COLLATE "C") AS rank,
             row_number() OVER (PARTITION BY q.kecamatan_code ORDER BY q.desil, q.disabled DESC, q.female_head DESC, q.no_kk COLLATE "C") AS kecamatan_rank
        FROM qualified q
    ), quota AS (
      SELECT * FROM unnest(${input.quotas.map((q) => q.kecamatanCode)}::text[], ${input.quotas.map((q) => q.families)}::int[]) AS t (kecamatan_code, families)
    ), placed AS (
      SELECT r.id, r.rank, r.kecamatan_rank <= coalesce(qt.families, 0) AS in_quota
        FROM ranked r LEFT JOIN quota qt ON qt.kecamatan_code = r.kecamatan_code
    ), cut AS (
      SELECT p.id, p.rank, p.in_quota AND sum(p.in_quota::int) OVER (ORDER BY p.rank) <= ${input.targetFamilies}::int AS selected
        FROM placed p
    )
    SELECT c.id AS family_id, c.rank::int AS rank,
           CASE WHEN c.selected THEN 'selected' ELSE 'waiting' END AS outcome,
           CASE WHEN c.selected THEN NULL ELSE (row_number() OVER (PARTITION BY c.selected ORDER BY c.rank))::int END AS waiting_rank
      FROM cut c
     ORDER BY c.rank`.execute(db);
  return result.rows;
}
