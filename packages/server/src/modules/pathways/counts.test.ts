import type { PathwayCounts, PathwayStage } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { DONOMULYO_VILLAGE, enrol, family, KEPANJEN_VILLAGE, pathwayWorld, program, step, type PathwayWorld } from './test-kit.ts';

const KEPANJEN = '35.07.13';
const DONOMULYO = '35.07.01';

/** Where each family stands at the end, and whose record put it there. */
const PLAN: { village: string; stages: PathwayStage[]; by: 'dinsos' | 'disperindagkop' }[] = [
  { village: KEPANJEN_VILLAGE, stages: ['bantuan'], by: 'dinsos' },
  { village: KEPANJEN_VILLAGE, stages: ['bantuan'], by: 'dinsos' },
  { village: KEPANJEN_VILLAGE, stages: ['bantuan', 'pemberdayaan'], by: 'dinsos' },
  { village: KEPANJEN_VILLAGE, stages: ['pemberdayaan', 'pengembangan'], by: 'disperindagkop' },
  { village: DONOMULYO_VILLAGE, stages: ['pemberdayaan'], by: 'dinsos' },
  { village: DONOMULYO_VILLAGE, stages: ['pemberdayaan', 'pengembangan'], by: 'disperindagkop' },
  { village: DONOMULYO_VILLAGE, stages: ['pemberdayaan', 'pengembangan', 'mandiri'], by: 'dinsos' },
];

describe.each(testDatabaseKinds)('leaders’ counts by stage on %s', (kind) => {
  let w: PathwayWorld;
  beforeAll(async () => {
    w = await pathwayWorld(kind);
    const capital = await program(w.db, w.disperindagkop.id, 'mentoring', 'raise_income', 'Akses Modal UMKM');
    for (const entry of PLAN) {
      const target = await family(w.db, entry.village);
      const receipt = entry.by === 'disperindagkop' ? await enrol(w.db, capital, target, '2026-04-01') : null;
      for (const [index, stage] of entry.stages.entries()) {
        const last = index === entry.stages.length - 1;
        await step(w.dinsosOperator, target.id, {
          toStage: stage, onDate: `2026-0${index + 1}-15`,
          ...(stage === 'mandiri' ? { overrideReason: 'Dinyatakan mandiri oleh rakor kecamatan.' } : {}),
          ...(last && receipt ? { evidence: [{ kind: 'enrolment', id: receipt, label: 'Akses Modal UMKM' }] } : {}),
        });
      }
    }
  });
  afterAll(async () => w.t.close());

  /** What was recorded, counted here from the plan. */
  function expected(keyOf: (entry: (typeof PLAN)[number]) => string, only: (entry: (typeof PLAN)[number]) => boolean = () => true) {
    const counts = new Map<string, Record<PathwayStage | 'total', number>>();
    for (const entry of PLAN.filter(only)) {
      const row = counts.get(keyOf(entry)) ?? { bantuan: 0, pemberdayaan: 0, pengembangan: 0, mandiri: 0, total: 0 };
      row[entry.stages.at(-1)!] += 1;
      row.total += 1;
      counts.set(keyOf(entry), row);
    }
    return counts;
  }
  const rowsOf = (counts: PathwayCounts) => new Map(counts.rows.map(({ key, name: _name, ...row }) => [key, row]));

  it('counts families at each stage by kecamatan exactly as recorded', async () => {
    const response = await w.pimpinan.get('/api/pathways/counts?by=kecamatan');
    expect(response.statusCode, response.body).toBe(200);
    const counts = response.json<PathwayCounts>();
    expect(rowsOf(counts)).toEqual(expected((entry) => entry.village.slice(0, 8)));
    expect(counts.rows.map((row) => row.name)).toEqual(['Donomulyo', 'Kepanjen']);
    expect(counts.totals).toEqual({ bantuan: 2, pemberdayaan: 2, pengembangan: 2, mandiri: 1, total: PLAN.length });
  });

  it('counts by the agency whose record put the family at its stage', async () => {
    const counts = (await w.pimpinan.get('/api/pathways/counts?by=agency')).json<PathwayCounts>();
    const agencyId = { dinsos: w.dinsos.id, disperindagkop: w.disperindagkop.id };
    expect(rowsOf(counts)).toEqual(expected((entry) => agencyId[entry.by]));
    expect(counts.rows.map((row) => row.name)).toEqual([w.dinsos.shortName, w.disperindagkop.shortName]);
  });

  it('counts only the families within the user’s scope and the chosen region', async () => {
    const scoped = (await w.kepanjenOperator.get('/api/pathways/counts')).json<PathwayCounts>();
    expect(rowsOf(scoped)).toEqual(expected((entry) => entry.village.slice(0, 8), (entry) => entry.village.startsWith(KEPANJEN)));
    const outside = (await w.kepanjenOperator.get(`/api/pathways/counts?region=${DONOMULYO}`)).json<PathwayCounts>();
    expect(outside.totals.total).toBe(0);
    const donomulyo = (await w.pimpinan.get(`/api/pathways/counts?by=agency&region=${DONOMULYO}`)).json<PathwayCounts>();
    expect(donomulyo.totals).toEqual({ bantuan: 0, pemberdayaan: 1, pengembangan: 1, mandiri: 1, total: 3 });
  });
});
