import type { Enrolment, Page, Program } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../../test/db.ts';
import {
  activeProgram, businessPackage, DONOMULYO, insertQuotaScenario, KEPANJEN, programsWorld, QUOTA_SCENARIO, runTargeting, type ProgramsWorld,
} from '../test-kit.ts';

describe.each(testDatabaseKinds)('re-running targeting before field work on %s', (kind) => {
  let w: ProgramsWorld;
  let label: Record<string, string>;
  const nameOf = (id: string) => Object.entries(label).find(([, value]) => value === id)?.[0] ?? id;
  beforeAll(async () => {
    w = await programsWorld(kind);
    label = await insertQuotaScenario(w.db);
  });
  afterAll(async () => w.t.close());

  const candidates = async (programId: string) => {
    const page = (await w.dinsosOperator.get(`/api/programs/${programId}/enrolments?pageSize=50`)).json<Page<Enrolment>>();
    return new Map(page.items.map((e) => [nameOf(e.familyId), e]));
  };
  const retarget = async (program: Program, targetFamilies: number) => {
    const response = await w.dinsosOperator.patch(`/api/programs/${program.id}`, { version: program.version, targetFamilies });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Program>();
  };

  it('keeps the families still selected (same enrolment, new rank and run), drops the others and adds the new ones', async () => {
    let program = await activeProgram(w.dinsosOperator, businessPackage({
      regionCodes: [KEPANJEN, DONOMULYO], quotas: [...QUOTA_SCENARIO.quotas], targetFamilies: QUOTA_SCENARIO.targetFamilies,
    }));
    await runTargeting(w.dinsosOperator, program.id);
    const first = await candidates(program.id);
    expect([...first.keys()].sort()).toEqual([...QUOTA_SCENARIO.selected].sort());

    program = await retarget(program, 2);
    const second = await runTargeting(w.dinsosOperator, program.id);
    const kept = await candidates(program.id);
    expect([...kept.entries()].map(([name, e]) => [name, e.rank]).sort()).toEqual([['K1', 1], ['K2', 2]]);
    expect(kept.get('K1')?.id).toBe(first.get('K1')?.id);
    const runIds = await w.db.selectFrom('program_enrolment').select('run_id').where('program_id', '=', program.id).execute();
    expect(runIds.map((row) => row.run_id)).toEqual([second.id, second.id]);

    // Target 5 with quotas Kepanjen 3, Donomulyo 2: K1 K2 D1 K3 within quota, K4 K5 over Kepanjen's, D2 within Donomulyo's.
    program = await retarget(program, 5);
    const third = await runTargeting(w.dinsosOperator, program.id);
    expect(third).toMatchObject({ selected: 5, adopted: true });
    const grown = await candidates(program.id);
    expect([...grown.entries()].map(([name, e]) => [name, e.rank, e.status, e.source]).sort()).toEqual([
      ['D1', 3, 'candidate', 'targeting'], ['D2', 7, 'candidate', 'targeting'], ['K1', 1, 'candidate', 'targeting'],
      ['K2', 2, 'candidate', 'targeting'], ['K3', 4, 'candidate', 'targeting'],
    ]);
    expect(grown.get('K2')?.id).toBe(first.get('K2')?.id);
    expect(grown.get('K3')?.id).not.toBe(first.get('K3')?.id);
  });
});
