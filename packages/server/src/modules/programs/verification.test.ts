import type { Enrolment, EnrolmentChange, Page, Program, Replacement } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../test/app.ts';
import { testDatabaseKinds } from '../../../test/db.ts';
import { activeProgram, businessPackage, DONOMULYO, insertQuotaScenario, KEPANJEN, programsWorld, QUOTA_SCENARIO, runTargeting, type ProgramsWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('field verification and replacement on %s', (kind) => {
  let w: ProgramsWorld;
  let label: Record<string, string>;
  let program: Program;
  let enrolmentOf: Record<string, Enrolment>;
  const nameOf = (id: string) => Object.entries(label).find(([, value]) => value === id)?.[0] ?? id;

  const listAs = async (client: TestClient, query = '') => {
    const response = await client.get(`/api/programs/${program.id}/enrolments?pageSize=50${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page<Enrolment>>().items;
  };
  const verify = (client: TestClient, name: string, body: object) =>
    client.post(`/api/programs/${program.id}/enrolments/${enrolmentOf[name]!.id}/verification`, body);
  const replace = (name: string) => w.dinsosOperator.post(`/api/programs/${program.id}/enrolments/${enrolmentOf[name]!.id}/replacements`, { note: 'Diganti dari daftar tunggu' });
  const refresh = async () => {
    enrolmentOf = Object.fromEntries((await listAs(w.dinsosOperator)).map((e) => [nameOf(e.familyId), e]));
  };

  beforeAll(async () => {
    w = await programsWorld(kind);
    label = await insertQuotaScenario(w.db);
    program = await activeProgram(w.dinsosOperator, businessPackage({ regionCodes: [KEPANJEN, DONOMULYO], quotas: [...QUOTA_SCENARIO.quotas], targetFamilies: 4 }));
    await runTargeting(w.dinsosOperator, program.id);
    await refresh();
  });
  afterAll(async () => w.t.close());

  it('lets a kecamatan-scoped pendamping see and verify only his kecamatan’s candidates', async () => {
    expect((await listAs(w.kepanjenPendamping)).map((e) => nameOf(e.familyId)).sort()).toEqual(['K1', 'K2', 'K3']);
    const verified = await verify(w.kepanjenPendamping, 'K1', { result: 'verified', fieldDate: '2026-03-02', note: 'Usaha gorengan berhenti sejak 2025' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json<Enrolment>()).toMatchObject({ status: 'verified', verifiedOn: '2026-03-02', version: 2, reason: null });
    const outside = await verify(w.kepanjenPendamping, 'D1', { result: 'verified' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'out_of_scope' });
    expect((await w.kepanjenPendamping.get(`/api/programs/${program.id}/enrolments?region=${DONOMULYO}`)).statusCode).toBe(403);
    expect((await w.kepanjenPendamping.get(`/api/programs/${program.id}/enrolments/${enrolmentOf.D1!.id}`)).json()).toMatchObject({ code: 'out_of_scope' });
    expect((await w.kepanjenPendamping.get(`/api/programs/${program.id}/enrolments/${enrolmentOf.K1!.id}`)).json<Enrolment>()).toMatchObject({ status: 'verified' });
    expect((await replace('K1')).statusCode).not.toBe(200);
    expect((await w.kepanjenPendamping.post(`/api/programs/${program.id}/enrolments/${enrolmentOf.K1!.id}/replacements`, {})).json()).toMatchObject({ code: 'forbidden' });
  });

  it('refuses verification by other agencies’ operators and by leaders', async () => {
    expect((await verify(w.disnakerOperator, 'D1', { result: 'verified' })).json()).toMatchObject({ code: 'program_other_agency' });
    expect((await verify(w.pimpinan, 'D1', { result: 'verified' })).json()).toMatchObject({ code: 'forbidden' });
  });

  it('needs a reason to reject, and a note for "other"', async () => {
    const noReason = await verify(w.dinsosOperator, 'K3', { result: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'validation_failed' });
    expect((await verify(w.dinsosOperator, 'K3', { result: 'rejected', reason: 'other' })).statusCode).toBe(400);
  });

  it('refuses invalid transitions and stale versions with clear errors', async () => {
    await refresh();
    const again = await verify(w.dinsosOperator, 'K1', { result: 'verified' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'enrolment_transition_invalid', message: 'Status penerima tidak dapat diubah dari "verified" menjadi "verified".' });
    const stale = await verify(w.dinsosOperator, 'K2', { result: 'verified', version: 7 });
    expect(stale.json()).toMatchObject({ code: 'conflict' });
    const notRejected = await replace('K1');
    expect(notRejected.json()).toMatchObject({ code: 'enrolment_not_replaceable' });
    // A finding can be corrected before the decree.
    const rejected = (await verify(w.dinsosOperator, 'K1', { result: 'rejected', reason: 'not_poor', note: 'Ternyata punya toko' })).json<Enrolment>();
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'not_poor' });
    const back = (await verify(w.dinsosOperator, 'K1', { result: 'verified' })).json<Enrolment>();
    expect(back).toMatchObject({ status: 'verified', reason: null });
  });

  it('draws replacements by rank from the same kecamatan first, then from anywhere, until the waiting list runs out', async () => {
    const draws: [string, string][] = [];
    for (const name of ['K1', 'D1', 'K2', 'K3']) {
      await refresh();
      const rejected = await verify(w.dinsosOperator, name, { result: 'rejected', reason: 'moved', note: 'Pindah ke luar kabupaten' });
      expect(rejected.statusCode, rejected.body).toBe(200);
      const response = await replace(name);
      expect(response.statusCode, response.body).toBe(201);
      const { replaced, replacement } = response.json<Replacement>();
      expect(replaced.replacedById).toBe(replacement.id);
      expect(replacement).toMatchObject({ status: 'candidate', source: 'replacement', replacesId: replaced.id });
      draws.push([name, nameOf(replacement.familyId)]);
    }
    expect(draws).toEqual([['K1', 'K4'], ['D1', 'D2'], ['K2', 'K5'], ['K3', 'D3']]);
    await refresh();
    expect((await replace('K1')).json()).toMatchObject({ code: 'enrolment_already_replaced' });
    expect((await verify(w.dinsosOperator, 'K1', { result: 'verified' })).json()).toMatchObject({ code: 'enrolment_already_replaced' });
    await verify(w.dinsosOperator, 'K4', { result: 'rejected', reason: 'died' });
    expect((await replace('K4')).json()).toMatchObject({ code: 'waiting_list_empty' });

    const history = (await w.dinsosOperator.get(`/api/programs/${program.id}/enrolments/${enrolmentOf.K1!.id}/history`)).json<EnrolmentChange[]>();
    expect(history.map((c) => [c.action, c.toStatus])).toEqual([['verify', 'verified'], ['reject', 'rejected'], ['verify', 'verified'], ['reject', 'rejected'], ['replace', 'rejected']]);
    expect(history[0]).toMatchObject({ fieldDate: '2026-03-02', note: 'Usaha gorengan berhenti sejak 2025' });
    expect(history.at(-1)?.relatedId).toBe(enrolmentOf.K4!.id);
  });
});
