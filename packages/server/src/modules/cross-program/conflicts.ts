import type { ConflictCount, ConflictFamiliesQuery, ConflictFamily, CoverageQuery, Page } from '@sinergi/domain';
import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../http/errors.ts';
import type { ProgramContext } from '../programs/context.ts';
import { audit } from '../programs/service.ts';
import { programsById } from './combinations.ts';
import { toConflictRule } from './conflict-rules.ts';
import { familyPage } from './families.ts';
import { coverageFilter, receiptsSql, type CoverageFilter } from './filter.ts';

/**
 * Every pair of receipts of one family that a rule forbids: two different programs, one of each kind (of the same
 * kind twice for a same-kind rule), both received in one calendar year unless the rule says "ever".
 * Columns: rule_id, family_id, program_a, received_a, program_b, received_b.
 */
function conflictPairsSql(filter: CoverageFilter, ruleId: string | null): RawBuilder<unknown> {
  const onlyRule = ruleId === null ? sql`TRUE` : sql`ru.id = ${ruleId}::uuid`;
  return sql`
    WITH receipt AS (${receiptsSql(filter)})
    SELECT ru.id AS rule_id, a.family_id, a.program_id AS program_a, a.received_on AS received_a, b.program_id AS program_b, b.received_on AS received_b
      FROM program_conflict_rule ru
      JOIN receipt a ON a.kind = ru.kind_a
      JOIN receipt b ON b.family_id = a.family_id AND b.kind = ru.kind_b AND b.program_id <> a.program_id
     WHERE ${onlyRule}
       AND (ru.period = 'ever' OR extract(year FROM a.received_on) = extract(year FROM b.received_on))
       -- A same-kind pair is found twice (a, b) and (b, a); keep one.
       AND (ru.kind_a <> ru.kind_b OR a.program_id::text < b.program_id::text)`;
}

/** Each "not combined" rule with the families of the user's scope that received such a pair. */
export async function conflictCounts(context: ProgramContext, query: CoverageQuery): Promise<ConflictCount[]> {
  const filter = await coverageFilter(context, query);
  const rules = await context.db.selectFrom('program_conflict_rule').selectAll().orderBy('kind_a').orderBy('kind_b').execute();
  const counts = await sql<{ rule_id: string; n: number }>`
    SELECT rule_id, count(DISTINCT family_id)::int AS n FROM (${conflictPairsSql(filter, null)}) pair GROUP BY rule_id`.execute(context.db);
  const countOf = new Map(counts.rows.map((row) => [row.rule_id, row.n]));
  return rules.map((row) => ({ ...toConflictRule(row), families: countOf.get(row.id) ?? 0 }));
}

/** One page of the families that received a pair the rule forbids, with the programs of those pairs; audited. */
export async function conflictFamilies(context: ProgramContext, query: ConflictFamiliesQuery): Promise<Page<ConflictFamily>> {
  const filter = await coverageFilter(context, query);
  const rule = await context.db.selectFrom('program_conflict_rule').select('id').where('id', '=', query.ruleId).executeTakeFirst();
  if (!rule) throw new AppError('not_found');
  const pairs = conflictPairsSql(filter, query.ruleId);
  const { page, ids } = await familyPage(context.db, sql`SELECT DISTINCT family_id FROM (${pairs}) pair`, query);
  const involved = ids.length === 0 ? [] : (await sql<{ family_id: string; program_id: string; received_on: string | null }>`
    SELECT DISTINCT family_id, program_id, received_on::text AS received_on
      FROM (SELECT family_id, program_a AS program_id, received_a AS received_on FROM (${pairs}) p
            UNION ALL
            SELECT family_id, program_b, received_b FROM (${pairs}) p) side
     WHERE family_id = ANY(${ids}::uuid[])
     ORDER BY family_id, received_on, program_id`.execute(context.db)).rows;
  const programs = await programsById(context.db, [...new Set(involved.map((row) => row.program_id))]);
  await audit(context, { action: 'view', entity: 'coverage_families', details: { view: 'conflict', ruleId: query.ruleId, year: filter.year, region: filter.region, page: query.page } });
  return {
    ...page,
    items: page.items.map((family) => ({
      ...family,
      programs: involved.filter((row) => row.family_id === family.familyId).map((row) => {
        const program = programs.get(row.program_id);
        return { id: row.program_id, name: program?.name ?? row.program_id, kind: program?.kind ?? 'other', receivedOn: row.received_on };
      }),
    })),
  };
}
