import {
  BUSINESS_PACKAGE_RULE, DEFAULT_GRADUATION_CRITERIA, GRADUATION_RULE, HOUSE_RENOVATION_RULE, describeConditionInline, eligibleFamilies, evaluateRule, explainRule, PRIORITY_TIE_BREAKER_SQL, rankFamilies, validatePriority, validateRule,
  type Condition, type EligibilityFamily, type EligibilityRule, type EvaluationContext,
} from '@sinergi/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import {
  conditionArbitrary, COUNTED_STATUSES, familyArbitrary, PROGRAM_KINDS, priorityArbitrary, REFERENCE_DATES, type GeneratedFamily, type Regions,
} from './agreement-arbitraries.ts';
import { createProgramTables, deleteFamilies, insertFamilies, pickRegions, TEST_PROGRAM_TABLES } from './agreement-population.ts';
import { loadEligibilityFamilies } from './queries.ts';
import { eligibilityWhere, priorityScoreSql } from './sql.ts';

// One rule, two executions: the SQL that selects families from the registry and the TypeScript that explains one family.
// fast-check generates families and rules from the field catalogue and both must pick exactly the same families.

const POPULATION = 300;

describe.each(testDatabaseKinds)('eligibility rules in SQL and in TypeScript on %s', (kind) => {
  let handle: DatabaseHandle;
  let regions: Regions;
  let programIds: string[];
  let generated: GeneratedFamily[];
  let population: EligibilityFamily[];
  let populationIds: string[];

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    programIds = await createProgramTables(handle.db);
    regions = await pickRegions(handle.db);
    // A fixed registry keeps the example checks stable; the rules over it, and the small registries below, vary per run.
    generated = fc.sample(familyArbitrary(regions), { numRuns: POPULATION, seed: 20_260_301 });
    populationIds = await insertFamilies(handle.db, generated, programIds);
    population = await loadEligibilityFamilies(handle.db, populationIds, { programTables: TEST_PROGRAM_TABLES });
  });
  afterAll(async () => handle.close());

  const load = (ids: string[]) => loadEligibilityFamilies(handle.db, ids, { programTables: TEST_PROGRAM_TABLES });

  async function selectedInSql(rule: EligibilityRule, context: EvaluationContext, ids: string[]): Promise<Set<string>> {
    const rows = await handle.db.selectFrom('family as f').select('f.id').where('f.id', 'in', ids)
      .where(eligibilityWhere(rule, { ...context, programTables: TEST_PROGRAM_TABLES })).execute();
    return new Set(rows.map((row) => row.id));
  }

  /** Families on which the two executions differ, with the TypeScript explanation to read when the test fails. */
  async function disagreements(condition: Condition, context: EvaluationContext, families: EligibilityFamily[]) {
    const rule: EligibilityRule = { version: 1, condition };
    expect(validateRule(rule).issues).toEqual([]);
    const ids = families.map((family) => family.id!);
    const inSql = await selectedInSql(rule, context, ids);
    const inTypeScript = new Set(eligibleFamilies(rule, families, context).map((family) => family.id!));
    const differing = families
      .filter((family) => inSql.has(family.id!) !== inTypeScript.has(family.id!))
      .map((family) => ({ sql: inSql.has(family.id!), typescript: inTypeScript.has(family.id!), family, why: explainRule(rule, family, context) }));
    return { differing, selected: inSql.size, total: families.length, rule: describeConditionInline(condition).en };
  }

  it('reads back every generated family as generated (the TypeScript side sees what SQL sees)', () => {
    expect(population).toHaveLength(POPULATION);
    population.forEach((family, index) => {
      const source = generated[index]!;
      const { members, receipts, ...columns } = source;
      expect(family).toMatchObject({ ...columns, kecamatanCode: source.villageCode.slice(0, 8) });
      expect(family.members.map(({ id: _id, name: _name, ...rest }) => rest)).toEqual(members);
      const counted = receipts.filter((receipt) => COUNTED_STATUSES.includes(receipt.status))
        .map((receipt) => ({ programId: programIds[receipt.program], kind: PROGRAM_KINDS[receipt.program], date: receipt.date }));
      const byKey = (a: { programId?: string; date: string | null }, b: typeof a) => `${a.programId}${a.date}`.localeCompare(`${b.programId}${b.date}`);
      expect(family.programs.map(({ programId, kind: programKind, date }) => ({ programId, kind: programKind, date })).sort(byKey)).toEqual(counted.sort(byKey));
    });
  });

  it('selects the same families for generated rules over a generated registry', async () => {
    let splitting = 0;
    await fc.assert(
      fc.asyncProperty(
        conditionArbitrary(regions, programIds),
        fc.constantFrom(...REFERENCE_DATES),
        fc.option(fc.constantFrom(...programIds), { nil: undefined, freq: 3 }),
        async (condition, referenceDate, ignoreProgramId) => {
          const context = { referenceDate, ...(ignoreProgramId === undefined ? {} : { ignoreProgramId }) };
          const result = await disagreements(condition, context, population);
          expect(result.differing).toEqual([]);
          if (result.selected > 0 && result.selected < result.total) splitting += 1;
        },
      ),
      { numRuns: 250 },
    );
    // Rules that pick all or none prove little; most generated rules must split the registry.
    expect(splitting).toBeGreaterThan(250 * 0.4);
  });

  it('agrees on small generated registries, shrinking families and rule together', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(familyArbitrary(regions), { minLength: 1, maxLength: 6 }),
        conditionArbitrary(regions, programIds),
        fc.constantFrom(...REFERENCE_DATES),
        async (families, condition, referenceDate) => {
          const ids = await insertFamilies(handle.db, families, programIds);
          try {
            const loaded = await load(ids);
            const result = await disagreements(condition, { referenceDate }, loaded);
            expect(result.differing).toEqual([]);
            // The explanation shown to people must reach the same verdict as the evaluation.
            const rule: EligibilityRule = { version: 1, condition };
            for (const family of loaded) expect(explainRule(rule, family, { referenceDate }).passed).toBe(evaluateRule(rule, family, { referenceDate }));
          } finally {
            await deleteFamilies(handle.db, ids);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('ranks families in the same order with the same scores for generated priority orders', async () => {
    await fc.assert(
      fc.asyncProperty(priorityArbitrary(regions, programIds), fc.constantFrom(...REFERENCE_DATES), async (order, referenceDate) => {
        expect(validatePriority(order).issues).toEqual([]);
        const score = priorityScoreSql(order, { referenceDate, programTables: TEST_PROGRAM_TABLES });
        const rows = await handle.db.selectFrom('family as f').select(['f.id', score.as('score')]).where('f.id', 'in', populationIds)
          .orderBy('score', 'desc').orderBy(sql.raw(PRIORITY_TIE_BREAKER_SQL)).execute();
        const ranked = rankFamilies(order, population, { referenceDate });
        expect(rows.map((row) => [row.id, row.score])).toEqual(ranked.map((entry) => [entry.family.id, entry.score]));
      }),
      { numRuns: 60 },
    );
  });

  it('agrees on the worked examples (business package, house renovation, graduation, default graduation criteria)', async () => {
    for (const rule of [BUSINESS_PACKAGE_RULE, HOUSE_RENOVATION_RULE, GRADUATION_RULE, DEFAULT_GRADUATION_CRITERIA]) {
      const result = await disagreements(rule.condition, { referenceDate: '2026-03-01' }, population);
      expect(result.differing).toEqual([]);
      expect(result.selected).toBeGreaterThan(0);
    }
  });

  it('counts business months and desil rise from the pathway alike, on month ends and leap days', async () => {
    let selected = 0;
    for (const referenceDate of REFERENCE_DATES) {
      for (const op of ['>=', '<', '='] as const) {
        for (const value of [0, 1, 11, 12, 13]) {
          const months = await disagreements({ kind: 'compare', field: 'businessMonths', op, value }, { referenceDate }, population);
          expect(months.differing).toEqual([]);
          selected += months.selected;
        }
      }
      const rise = await disagreements({ kind: 'compare', field: 'desilRise', op: 'between', value: [0, 2] }, { referenceDate }, population);
      expect(rise.differing).toEqual([]);
    }
    expect(selected).toBeGreaterThan(0);
  });

  it('does not count a program towards "received" when it is the program being targeted', async () => {
    const condition: Condition = { kind: 'receivedProgram', programKinds: [...PROGRAM_KINDS], period: 'ever' };
    const everything = await disagreements(condition, { referenceDate: '2026-03-01' }, population);
    const ignoringFirst = await disagreements(condition, { referenceDate: '2026-03-01', ignoreProgramId: programIds[0]! }, population);
    expect([everything.differing, ignoringFirst.differing]).toEqual([[], []]);
    const onlyFirst = population.filter((family) => family.programs.length > 0 && family.programs.every((receipt) => receipt.programId === programIds[0]));
    expect(onlyFirst.length).toBeGreaterThan(0);
    expect(everything.selected - ignoringFirst.selected).toBe(onlyFirst.length);
  });
});
