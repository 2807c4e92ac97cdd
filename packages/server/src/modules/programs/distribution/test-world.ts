import type { Enrolment, Handover, Page, Program, Role, Stage, StageInput } from '@sinergi/domain';
import { expect } from 'vitest';
import type { TestClient } from '../../../../test/app.ts';
import { loginAs, makeUser } from '../../../../test/factories.ts';
import type { DatabaseKind } from '../../../db/database.ts';
import {
  activeProgram, businessPackage, DONOMULYO, insertQuotaScenario, KEPANJEN, programsWorld, QUOTA_SCENARIO, runTargeting, type ProgramsWorld,
} from '../test-kit.ts';

/**
 * The distribution tests' world: the quota scenario's program with K1, K2 (Kepanjen, two members each) and D1
 * (Donomulyo, one member) fixed by a decree, K3 (Kepanjen) still a candidate; plus scoped users of both kecamatan.
 */
export interface DistributionWorld extends ProgramsWorld {
  program: Program;
  enrolment: Record<'K1' | 'K2' | 'K3' | 'D1', Enrolment>;
  kepanjenOperator: TestClient;
  donomulyoOperator: TestClient;
  disnakerPendamping: TestClient;
  url: (path: string) => string;
}

export async function distributionWorld(kind: DatabaseKind): Promise<DistributionWorld> {
  const w = await programsWorld(kind);
  const label = await insertQuotaScenario(w.db);
  const program = await activeProgram(w.dinsosOperator, businessPackage({ regionCodes: [KEPANJEN, DONOMULYO], quotas: [...QUOTA_SCENARIO.quotas], targetFamilies: 4 }));
  await runTargeting(w.dinsosOperator, program.id);
  const url = (path: string) => `/api/programs/${program.id}${path}`;
  const page = (await w.dinsosOperator.get(url('/enrolments?pageSize=50'))).json<Page<Enrolment>>();
  const byLabel = (name: string) => page.items.find((e) => e.familyId === label[name])!;
  for (const name of ['K1', 'K2', 'D1']) {
    const response = await w.dinsosOperator.post(url(`/enrolments/${byLabel(name).id}/verification`), { result: 'verified' });
    expect(response.statusCode, response.body).toBe(200);
  }
  const decree = await w.dinsosOperator.post(url('/decrees'), { number: '188.45/9/35.07.013/2026', decreeDate: '2026-04-01', signedBy: 'Bupati Malang' });
  expect(decree.statusCode, decree.body).toBe(201);
  const login = async (role: Role, agencyId: string, scopeCodes: string[]) => loginAs(w.t.app, await makeUser(w.db, { role, agencyId, scopeCodes }));
  return {
    ...w, program, url,
    enrolment: { K1: byLabel('K1'), K2: byLabel('K2'), K3: byLabel('K3'), D1: byLabel('D1') },
    kepanjenOperator: await login('operator', w.dinsos.id, [KEPANJEN]),
    donomulyoOperator: await login('operator', w.dinsos.id, [DONOMULYO]),
    disnakerPendamping: await login('pendamping', w.disnaker.id, []),
  };
}

export async function addStage(w: DistributionWorld, body: StageInput): Promise<Stage> {
  const response = await w.dinsosOperator.post(w.url('/stages'), body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Stage>();
}

let keys = 0;
/** A fresh client key, as the web form makes one per hand-over before its first try. */
export const clientKey = () => `test-key-${process.pid}-${++keys}`;

export async function handOver(client: TestClient, w: DistributionWorld, body: Record<string, unknown>): Promise<Handover> {
  const response = await client.post(w.url('/handovers'), { clientKey: clientKey(), handedOn: '2026-04-10', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Handover>();
}
