import {
  BUSINESS_PACKAGE_PRIORITY, BUSINESS_PACKAGE_RULE, eligibleFamilies, rankFamilies, type Enrolment, type Page, type RunFamily, type RunRegionCount,
  type TargetingRun,
} from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { loadEligibilityFamilies } from '../eligibility/queries.ts';
import { jurisdictionToday } from './context.ts';
import { PROGRAM_RECEIPT_TABLES } from './receipts.ts';
import { TargetingRunner } from './targeting/runner.ts';
import { startRun } from './targeting/service.ts';
import {
  activeProgram, businessPackage, DONOMULYO, insertFamilies, insertQuotaScenario, KEPANJEN, noKkAt, programsWorld, QUOTA_SCENARIO, runTargeting,
  type FamilySpec, type ProgramsWorld,
} from './test-kit.ts';

describe.each(testDatabaseKinds)('targeting runs on %s', (kind) => {
  let w: ProgramsWorld;
  let label: Record<string, string>;
  const nameOf = (id: string) => Object.entries(label).find(([, value]) => value === id)?.[0] ?? id;
  beforeAll(async () => {
    w = await programsWorld(kind);
    label = await insertQuotaScenario(w.db);
  });
  afterAll(async () => w.t.close());

  const families = async (programId: string, runId: string, query: string) => {
    const response = await w.dinsosOperator.get(`/api/programs/${programId}/runs/${runId}/families?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page<RunFamily>>();
  };
  const scenarioProgram = () => activeProgram(w.dinsosOperator, businessPackage({
    regionCodes: [KEPANJEN, DONOMULYO], quotas: [...QUOTA_SCENARIO.quotas], targetFamilies: QUOTA_SCENARIO.targetFamilies,
  }));

  it('ranks by priority with No KK breaking ties, cuts by kecamatan quota and overall target, and keeps the rest waiting', async () => {
    const program = await scenarioProgram();
    const run = await runTargeting(w.dinsosOperator, program.id);
    expect(run).toMatchObject({ qualified: 8, selected: 4, waiting: 4, adopted: true, ruleVersion: 1, referenceDate: jurisdictionToday('35.07'), targetFamilies: 4 });
    expect(run.byKecamatan).toEqual([
      { kecamatanCode: DONOMULYO, kecamatanName: 'Donomulyo', quota: 2, qualified: 3, selected: 1, waiting: 2 },
      { kecamatanCode: KEPANJEN, kecamatanName: 'Kepanjen', quota: 3, qualified: 5, selected: 3, waiting: 2 },
    ]);
    expect(run.registryFamilies).toBe(10);
    expect(run.registrySnapshotAt).not.toBeNull();
    const selected = await families(program.id, run.id, 'outcome=selected');
    expect(selected.items.map((f) => nameOf(f.familyId))).toEqual([...QUOTA_SCENARIO.selected]);
    expect(selected.items.map((f) => f.rank)).toEqual([1, 2, 3, 4]);
    expect(selected.items[0]?.noKk).toMatch(/^3507\*{8}\d{4}$/);
    const waiting = await families(program.id, run.id, 'outcome=waiting');
    expect(waiting.items.map((f) => nameOf(f.familyId))).toEqual([...QUOTA_SCENARIO.waiting]);
    expect(waiting.items.map((f) => [f.rank, f.waitingRank])).toEqual([[5, 1], [6, 2], [7, 3], [8, 4]]);
    // The run's selected families became the program's candidates.
    const enrolments = (await w.dinsosOperator.get(`/api/programs/${program.id}/enrolments?pageSize=50`)).json<Page<Enrolment>>();
    expect(enrolments.items.map((e) => nameOf(e.familyId)).sort()).toEqual([...QUOTA_SCENARIO.selected].sort());
    expect(enrolments.items.every((e) => e.status === 'candidate' && e.source === 'targeting')).toBe(true);
  });

  it('counts per village, and shows a kecamatan-scoped user only his kecamatan', async () => {
    const program = await scenarioProgram();
    const run = await runTargeting(w.dinsosOperator, program.id);
    const villages = (await w.dinsosOperator.get(`/api/programs/${program.id}/runs/${run.id}/counts?level=village`)).json<RunRegionCount[]>();
    expect(villages.reduce((sum, v) => sum + v.qualified, 0)).toBe(8);
    expect(villages.find((v) => v.code === '35.07.13.2001')).toMatchObject({ qualified: 3, selected: 2, waiting: 1, kecamatanName: 'Kepanjen' });
    const scoped = (await w.kepanjenPendamping.get(`/api/programs/${program.id}/runs/${run.id}`)).json<TargetingRun>();
    expect(scoped.byKecamatan.map((k) => k.kecamatanCode)).toEqual([KEPANJEN]);
    const list = (await w.kepanjenPendamping.get(`/api/programs/${program.id}/runs/${run.id}/families?outcome=selected`)).json<Page<RunFamily>>();
    expect(list.items.map((f) => nameOf(f.familyId))).toEqual(['K1', 'K2', 'K3']);
    expect((await w.kepanjenPendamping.get(`/api/programs/${program.id}/runs/${run.id}/families?region=${DONOMULYO}`)).statusCode).toBe(403);
    const audit = await w.db.selectFrom('audit_log').select('action').where('entity', '=', 'program_run').where('entity_id', '=', run.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'view']);
  });

  it('explains a family rule by rule and shows its priority points', async () => {
    const program = await scenarioProgram();
    const run = await runTargeting(w.dinsosOperator, program.id);
    const passed = (await w.kepanjenPendamping.get(`/api/programs/${program.id}/explain/${label.K1}?runId=${run.id}`)).json<{ eligible: boolean; priority: { parts: unknown[]; score: number } }>();
    expect(passed.eligible).toBe(true);
    expect(passed.priority.parts).toHaveLength(3);
    const failed = (await w.dinsosOperator.get(`/api/programs/${program.id}/explain/${label.X1}`)).json<{ eligible: boolean; tree: { children: { passed: boolean }[] } }>();
    expect(failed.eligible).toBe(false);
    expect(failed.tree.children.map((c) => c.passed)).toEqual([false, true, true, true]);
    expect((await w.kepanjenPendamping.get(`/api/programs/${program.id}/explain/${label.D1}`)).json()).toMatchObject({ code: 'out_of_scope' });
    const views = await w.db.selectFrom('audit_log').select('details').where('entity', '=', 'family').where('entity_id', '=', label.K1!).execute();
    expect(views.length).toBeGreaterThan(0);
  });

  it('refuses runs on drafts, by other agencies, and while another run of the program is going', async () => {
    const draft = (await w.dinsosOperator.post('/api/programs', businessPackage())).json<{ id: string }>();
    expect((await w.dinsosOperator.post(`/api/programs/${draft.id}/runs`)).json()).toMatchObject({ code: 'program_not_active' });
    const program = await scenarioProgram();
    expect((await w.disnakerOperator.post(`/api/programs/${program.id}/runs`)).json()).toMatchObject({ code: 'program_other_agency' });
    expect((await w.pimpinan.post(`/api/programs/${program.id}/runs`)).json()).toMatchObject({ code: 'forbidden' });
    await w.db.insertInto('program_run').values({
      program_id: program.id, rule_version: 1, rule: JSON.stringify(BUSINESS_PACKAGE_RULE), priority: JSON.stringify(BUSINESS_PACKAGE_PRIORITY),
      reference_date: '2026-01-01', status: 'running',
    }).execute();
    expect((await w.dinsosOperator.post(`/api/programs/${program.id}/runs`)).json()).toMatchObject({ code: 'program_run_in_progress' });
  });

  it('runs large programs in the background with pollable progress', async () => {
    const program = await scenarioProgram();
    const runner = new TargetingRunner(w.db);
    const user = (await w.db.selectFrom('app_user').select(['id', 'username', 'full_name', 'agency_id']).where('role', '=', 'operator').where('agency_id', '=', w.dinsos.id).executeTakeFirstOrThrow());
    const context = {
      db: w.db, config: w.t.config, request: null,
      user: { id: user.id, username: user.username, fullName: user.full_name, role: 'operator' as const, agencyId: user.agency_id, scopeCodes: [], language: 'id' as const, mustChangePassword: false, sessionId: 's', csrfToken: 'c' },
    };
    const started = await startRun(context, program.id, { runner, inlineFamilies: 0 });
    // Returned before the work is done; on a fast machine the background run may already have finished.
    expect(['queued', 'running', 'done']).toContain(started.status);
    expect(started.totalFamilies).toBe(10);
    await runner.wait(started.id);
    const polled = (await w.pimpinan.get(`/api/programs/${program.id}/runs/${started.id}`)).json<TargetingRun>();
    expect(polled).toMatchObject({ status: 'done', phase: 'done', processedFamilies: 10, totalFamilies: 10, selected: 4, waiting: 4 });
  });
});

describe.each(testDatabaseKinds)('targeting agrees with a TypeScript ranking on generated families on %s', (kind) => {
  let w: ProgramsWorld;
  let villages: string[];
  beforeAll(async () => {
    w = await programsWorld(kind);
    villages = (await w.db.selectFrom('region').select('code').where('level', '=', 4).where('parent_code', 'in', ['35.07.02', '35.07.03', '35.07.04']).orderBy('code').execute())
      .map((row) => row.code).filter((_, index) => index % 4 === 0);
  });
  afterAll(async () => w.t.close());

  it.each([[11, { '35.07.02': 4, '35.07.03': 9 }, 12], [12, {}, 7], [13, { '35.07.02': 0, '35.07.03': 30, '35.07.04': 2 }, null]])(
    'seed %i: the same selection, order and waiting list as rankFamilies with the quotas applied in rank order',
    async (seed, quotaMap, target) => {
      let state = seed;
      const next = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      const specs: FamilySpec[] = Array.from({ length: 70 }, (_, index) => {
        const villageCode = pick(villages);
        return {
          villageCode, noKk: noKkAt(villageCode, seed * 1000 + index), desil: pick([1, 1, 2, 3, 5, 9]), business: pick(['stalled', 'stalled', 'active'] as const),
          headSex: pick(['L', 'P'] as const), headBirthDate: pick(['1975-03-03', '1990-09-09', '1950-01-01']), disabledMember: next() < 0.4,
        };
      });
      await insertFamilies(w.db, specs);
      const kecamatan = [...new Set(villages.map((code) => code.slice(0, 8)))];
      const quotas = Object.entries(quotaMap).map(([kecamatanCode, families]) => ({ kecamatanCode, families }));
      const program = await activeProgram(w.dinsosOperator, businessPackage({ regionCodes: kecamatan, quotas, targetFamilies: target }));
      const run = await runTargeting(w.dinsosOperator, program.id);

      // Earlier seeds' families live in the same kecamatan, so the whole region is loaded.
      const ids = (await w.db.selectFrom('family').select('id').where('kecamatan_code', 'in', kecamatan).execute()).map((row) => row.id);
      const loaded = await loadEligibilityFamilies(w.db, ids, { programTables: PROGRAM_RECEIPT_TABLES });
      const context = { referenceDate: run.referenceDate, ignoreProgramId: program.id };
      const ranked = rankFamilies(BUSINESS_PACKAGE_PRIORITY, eligibleFamilies(BUSINESS_PACKAGE_RULE, loaded, context), context);
      const perKecamatan = new Map<string, number>();
      let selectedCount = 0;
      const expected = ranked.map(({ family }) => {
        const seen = (perKecamatan.get(family.kecamatanCode) ?? 0) + 1;
        perKecamatan.set(family.kecamatanCode, seen);
        const inQuota = quotas.length === 0 || seen <= ((quotaMap as Record<string, number>)[family.kecamatanCode] ?? 0);
        const selected = inQuota && (target === null || selectedCount < target);
        if (selected) selectedCount += 1;
        return { id: family.id, selected };
      });
      const rows = await w.db.selectFrom('program_run_family').select(['family_id', 'outcome', 'rank', 'waiting_rank']).where('run_id', '=', run.id).orderBy('rank').execute();
      expect(rows.map((row) => [row.family_id, row.outcome])).toEqual(expected.map((entry) => [entry.id, entry.selected ? 'selected' : 'waiting']));
      expect(rows.filter((row) => row.outcome === 'waiting').map((row) => row.waiting_rank)).toEqual(expected.filter((e) => !e.selected).map((_, index) => index + 1));
      expect(rows.length).toBeGreaterThan(5);
    },
  );
});
