import type { EligibilityRule, GraduationAssessment, GraduationCriteriaPreview, PathwayStage } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../test/app.ts';
import { testDatabaseKinds } from '../../../test/db.ts';
import { DONOMULYO_VILLAGE, family, KEPANJEN_VILLAGE, pathwayWorld, step, type PathwayWorld } from './test-kit.ts';

const KEPANJEN = '35.07.13';
const OPEN_STAGES = ['bantuan', 'pemberdayaan', 'pengembangan'] as const;

/** Wider than the default criteria in one way (any business status, any turnover) and stricter in another (18 months). */
const DRAFT: EligibilityRule = { version: 1, condition: { kind: 'all', conditions: [
  { kind: 'compare', field: 'businessMonths', op: '>=', value: 18 },
  { kind: 'compare', field: 'desilRise', op: '>=', value: 1 },
] } };

/** Families entered at desil 3; where they stand and how they fare now vary so that both rules pass some and fail others. */
const STARTS = ['2023-05-10', '2024-11-02', '2025-08-20'];
const STAGE_PATHS: PathwayStage[][] = [['bantuan'], ['pemberdayaan'], ['pemberdayaan', 'pengembangan']];

interface Tracked {
  id: string;
  kecamatan: string;
  stage: PathwayStage;
}

interface Expected {
  onPathway: number;
  passed: number;
  byStage: Record<string, [number, number]>;
  byKecamatan: Record<string, [number, number]>;
}

describe.each(testDatabaseKinds)('graduation criteria preview on %s', (kind) => {
  let w: PathwayWorld;
  const tracked: Tracked[] = [];

  beforeAll(async () => {
    w = await pathwayWorld(kind);
    let n = 0;
    for (const village of [KEPANJEN_VILLAGE, DONOMULYO_VILLAGE]) {
      for (const [s, startedOn] of STARTS.entries()) {
        for (const [p, path] of STAGE_PATHS.entries()) {
          n += 1;
          const target = await family(w.db, village, { desil: 3, businessStatus: n % 4 === 0 ? 'stalled' : 'active' });
          for (const [index, stage] of path.entries()) {
            await step(w.dinsosOperator, target.id, { toStage: stage, onDate: index === 0 ? startedOn : '2026-01-05', ...(index === 0 ? { businessStartedOn: startedOn } : {}) });
          }
          await w.db.updateTable('family').set({ desil_national: 3 + ((s + p) % 3), business_turnover: n % 3 === 0 ? 500_000 : 2_000_000 }).where('id', '=', target.id).execute();
          tracked.push({ id: target.id, kecamatan: village.slice(0, 8), stage: path.at(-1) ?? 'bantuan' });
        }
      }
    }
    // Neither a mandiri family nor one off the pathway counts, though both would pass either rule.
    const graduate = await family(w.db, KEPANJEN_VILLAGE, { desil: 3, businessStatus: 'active' });
    await step(w.dinsosOperator, graduate.id, { toStage: 'pemberdayaan', onDate: '2023-01-10', businessStartedOn: '2023-01-10' });
    await step(w.dinsosOperator, graduate.id, { toStage: 'mandiri', onDate: '2026-01-05', overrideReason: 'Dinyatakan mandiri oleh rakor kecamatan.' });
    const offPathway = await family(w.db, KEPANJEN_VILLAGE, { desil: 3, businessStatus: 'active' });
    await w.db.updateTable('family').set({ desil_national: 6, business_turnover: 5_000_000 }).where('id', 'in', [graduate.id, offPathway.id]).execute();
  });
  afterAll(async () => w.t.close());

  const preview = async (client: TestClient, rule: unknown) => {
    const response = await client.post('/api/pathways/graduation-criteria/preview', { rule });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<GraduationCriteriaPreview>();
  };

  /** What the per-family graduation assessment (with the saved criteria) says of each tracked family within `kecamatan`. */
  async function assessed(kecamatan?: string): Promise<Expected> {
    const expected: Expected = { onPathway: 0, passed: 0, byStage: {}, byKecamatan: {} };
    for (const entry of tracked.filter((item) => kecamatan === undefined || item.kecamatan === kecamatan)) {
      const response = await w.admin.post(`/api/families/${entry.id}/pathway/assessments`, {});
      expect(response.statusCode, response.body).toBe(201);
      const passed = response.json<GraduationAssessment>().passed ? 1 : 0;
      expected.onPathway += 1;
      expected.passed += passed;
      for (const [map, key] of [[expected.byStage, entry.stage], [expected.byKecamatan, entry.kecamatan]] as const) {
        const [total, met] = map[key] ?? [0, 0];
        map[key] = [total + 1, met + passed];
      }
    }
    return expected;
  }

  const shape = (result: GraduationCriteriaPreview, which: 'draft' | 'current') => ({
    onPathway: result.onPathway,
    passed: result[which],
    byStage: Object.fromEntries(result.byStage.filter((row) => row.onPathway > 0).map((row) => [row.stage, [row.onPathway, row[which]]])),
    byKecamatan: Object.fromEntries(result.byKecamatan.map((row) => [row.code, [row.onPathway, row[which]]])),
  });

  it('counts the families on their way out that meet the draft and the saved criteria, as the assessment judges each', async () => {
    const before = await preview(w.pimpinan, DRAFT);
    expect(before.currentVersion).toBe(0);
    expect(before.byStage.map((row) => row.stage)).toEqual(OPEN_STAGES);
    expect(before.byKecamatan.map((row) => row.name)).toEqual(['Donomulyo', 'Kepanjen']);
    const underDefault = await assessed();
    expect(shape(before, 'current')).toEqual(underDefault);

    const saved = await w.admin.put('/api/pathways/graduation-criteria', { rule: DRAFT, note: 'Uji pratinjau' });
    expect(saved.statusCode, saved.body).toBe(200);
    const underDraft = await assessed();
    expect(shape(before, 'draft')).toEqual(underDraft);
    // The data tell both rules apart, and each passes some families and fails others.
    expect(underDraft.passed).not.toBe(underDefault.passed);
    for (const result of [underDefault, underDraft]) expect(result.passed).toBeGreaterThan(0);
    for (const result of [underDefault, underDraft]) expect(result.passed).toBeLessThan(result.onPathway);

    const after = await preview(w.pimpinan, DRAFT);
    expect(after.currentVersion).toBe(1);
    expect(after.current).toBe(after.draft);
    expect(after.draft).toBe(before.draft);
  });

  it('counts only within the user’s region scope', async () => {
    const scoped = await preview(w.kepanjenOperator, DRAFT);
    expect(scoped.byKecamatan.map((row) => row.code)).toEqual([KEPANJEN]);
    expect(shape(scoped, 'draft')).toEqual(await assessed(KEPANJEN));
  });

  it('refuses an invalid draft with the very issues a save reports, under their conditions', async () => {
    const broken = { version: 1, condition: { kind: 'all', conditions: [
      { kind: 'compare', field: 'businessMonths', op: 'between', value: [30, 24] },
      { kind: 'compare', field: 'businessYears', op: '>=', value: 1 },
    ] } };
    const unknownVillage = { version: 1, condition: { kind: 'compare', field: 'villageCode', op: 'in', value: ['35.07.99.2999'] } };
    for (const [rule, codes] of [[broken, ['between_reversed', 'unknown_field']], [unknownVillage, ['unknown_region']]] as const) {
      const refused = await w.admin.post('/api/pathways/graduation-criteria/preview', { rule });
      const save = await w.admin.put('/api/pathways/graduation-criteria', { rule });
      expect(refused.statusCode).toBe(400);
      expect(save.statusCode).toBe(400);
      const body = refused.json<{ code: string; details: { issues: { code: string; path: unknown[] }[] } }>();
      expect(body.code).toBe('invalid_rule');
      expect(body.details.issues.map((issue) => issue.code)).toEqual(codes);
      expect(body).toEqual(save.json());
    }
  });
});
