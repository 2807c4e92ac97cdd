import type { DuplicateCandidate, DuplicateScan, Page } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser } from '../../../../test/factories.ts';
import { KEMIRI, makePerson, SENGGURUH, TULUNGREJO, type TestPerson } from './test-kit.ts';

const masked = (id: string) => `${id.slice(0, 4)}********${id.slice(-4)}`;

/** Starts a whole-registry scan through the API and polls it until it ends. */
export async function scanThroughApi(client: TestClient): Promise<DuplicateScan> {
  const started = await client.post('/api/registry/duplicates/scan', {});
  expect(started.statusCode, started.body).toBe(202);
  let scan = started.json<DuplicateScan>();
  for (let i = 0; i < 200 && scan.status === 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    scan = (await client.get(`/api/registry/duplicates/scans/${scan.id}`)).json<DuplicateScan>();
  }
  return scan;
}

describe.each(testDatabaseKinds)('duplicate review queue on %s', (kind) => {
  let t: TestApp;
  let operator: TestClient;
  let kepanjenOperator: TestClient;
  let donomulyoPendamping: TestClient;
  let pimpinan: TestClient;
  let kepanjenPair: [TestPerson, TestPerson];
  let donomulyoPair: [TestPerson, TestPerson];
  let movedPair: [TestPerson, TestPerson];

  const list = async (client: TestClient, query = '') => {
    const res = await client.get(`/api/registry/duplicates?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page<DuplicateCandidate>>();
  };
  const namesOf = (page: Page<DuplicateCandidate>) => page.items.map((c) => [c.a.name, c.b.name].sort().join(' / ')).sort();
  const pairOf = async (people: [TestPerson, TestPerson], status = 'open') => {
    const found = (await list(operator, `status=${status}`)).items.find((c) => [c.a.id, c.b.id].sort().join() === [people[0].memberId, people[1].memberId].sort().join());
    if (!found) throw new Error(`pair ${people[0].name} / ${people[1].name} not listed as ${status}`);
    return found;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    operator = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    kepanjenOperator = await loginAs(t.app, await makeUser(db, { role: 'operator', scopeCodes: ['35.07.13'] }));
    donomulyoPendamping = await loginAs(t.app, await makeUser(db, { role: 'pendamping', scopeCodes: ['35.07.01'] }));
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyKind: 'bappeda' }));
    kepanjenPair = [
      await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah', birthDate: '1980-05-05' }),
      await makePerson(db, { villageCode: KEMIRI, name: 'Sity Aminah', birthDate: '1980-05-05' }),
    ];
    donomulyoPair = [
      await makePerson(db, { villageCode: TULUNGREJO, name: 'Budi Santoso', birthDate: '1975-01-01', sex: 'L' }),
      await makePerson(db, { villageCode: TULUNGREJO, name: 'Budi Santosa', birthDate: '1975-01-01', sex: 'L' }),
    ];
    movedPair = [
      await makePerson(db, { villageCode: SENGGURUH, name: 'Dewi Lestari', birthDate: '1990-09-09' }),
      await makePerson(db, { villageCode: SENGGURUH, name: 'Dewi Lestari', birthDate: '1990-09-09' }),
    ];
  });
  afterAll(async () => t.close());

  it('scans the registry in the background with progress; only registry writers may start it', async () => {
    expect((await pimpinan.post('/api/registry/duplicates/scan', {})).statusCode).toBe(403);
    const scan = await scanThroughApi(operator);
    expect(scan).toMatchObject({ status: 'done', kind: 'full', blocksTotal: 2, blocksDone: 2, pairsFound: 3 });
    expect((await operator.get('/api/registry/duplicates/scans/latest')).json<DuplicateScan>().id).toBe(scan.id);
    // One family of the Sengguruh pair moves to Donomulyo after the scan: that pair now spans two kecamatan.
    await t.database.db.updateTable('family').set({ village_code: TULUNGREJO }).where('id', '=', movedPair[1].familyId).execute();
  });

  it('shows a scoped user only the pairs whose two members are both in scope', async () => {
    expect(namesOf(await list(operator))).toEqual(['Budi Santosa / Budi Santoso', 'Dewi Lestari / Dewi Lestari', 'Siti Aminah / Sity Aminah']);
    expect(namesOf(await list(kepanjenOperator))).toEqual(['Siti Aminah / Sity Aminah']);
    expect(namesOf(await list(donomulyoPendamping))).toEqual(['Budi Santosa / Budi Santoso']);
    expect(namesOf(await list(operator, 'region=35.07.01'))).toEqual(['Budi Santosa / Budi Santoso']);
    expect((await kepanjenOperator.get('/api/registry/duplicates?region=35.07.01')).statusCode).toBe(403);
  });

  it('masks NIK and birth dates unless a permitted user unmasks, and audits both', async () => {
    const [first] = (await list(kepanjenOperator)).items;
    expect(first?.a.nik).toBe(masked(first?.a.id === kepanjenPair[0].memberId ? kepanjenPair[0].nik : kepanjenPair[1].nik));
    expect(first?.a.birthDate).toBe('1980-**-**');
    expect(first?.reasons).toMatchObject({ sameBirthDate: true, sameVillage: true });
    const unmasked = (await list(kepanjenOperator, 'unmask=true')).items[0];
    expect([unmasked?.a.nik, unmasked?.b.nik].sort()).toEqual([kepanjenPair[0].nik, kepanjenPair[1].nik].sort());
    expect(unmasked?.a.birthDate).toBe('1980-05-05');
    expect((await pimpinan.get('/api/registry/duplicates?unmask=true')).statusCode).toBe(403);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'duplicate_list').execute();
    expect(audit.map((a) => a.action)).toContain('unmask');
    expect(audit.map((a) => a.action)).toContain('view');
  });

  it('refuses a merge when one member lies outside the user scope', async () => {
    const pair = await pairOf(movedPair);
    const res = await kepanjenOperator.post(`/api/registry/duplicates/${pair.id}/merge`, { keep: 'a' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'out_of_scope' });
  });

  it('records "distinct people" once, audited, and never proposes the pair again', async () => {
    const pair = await pairOf(donomulyoPair);
    expect((await donomulyoPendamping.post(`/api/registry/duplicates/${pair.id}/distinct`, {})).statusCode).toBe(403);
    expect((await kepanjenOperator.post(`/api/registry/duplicates/${pair.id}/distinct`, {})).statusCode).toBe(403);
    const decided = await operator.post(`/api/registry/duplicates/${pair.id}/distinct`, { note: 'Kakak beradik, dicek di lapangan' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<DuplicateCandidate>()).toMatchObject({ status: 'distinct', note: 'Kakak beradik, dicek di lapangan' });
    expect(decided.json<DuplicateCandidate>().decidedBy?.username).toMatch(/^operator\./);
    const again = await operator.post(`/api/registry/duplicates/${pair.id}/distinct`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'duplicate_already_decided', message: 'Pasangan ini sudah diputuskan (orang berbeda); keputusan tidak dapat diubah.' });

    const rescan = await scanThroughApi(operator);
    expect(rescan.pairsFound).toBe(0);
    expect(namesOf(await list(operator))).not.toContain('Budi Santosa / Budi Santoso');
    expect((await pairOf(donomulyoPair, 'distinct')).id).toBe(pair.id);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'duplicate_candidate').where('entity_id', '=', pair.id).execute();
    expect(audit).toEqual([{ action: 'update', details: { decision: 'distinct', note: 'Kakak beradik, dicek di lapangan' } }]);
  });
});
