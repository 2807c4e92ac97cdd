import type { FamilyListItem, Page } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { testDatabaseKinds } from './db.ts';
import { loginAs, makeUser } from './factories.ts';
import { makeFamily, type TestFamily } from './family-factories.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen
const SENGGURUH = '35.07.13.2002'; // Kepanjen
const TULUNGREJO = '35.07.01.2001'; // Donomulyo

describe.each(testDatabaseKinds)('family search on %s', (kind) => {
  let t: TestApp;
  let operator: TestClient;
  let suwarni: TestFamily;
  let sutrisno: TestFamily;
  let suparman: TestFamily;
  let budi: TestFamily;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    operator = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    suwarni = await makeFamily(db, {
      villageCode: KEMIRI,
      headName: 'Slamet Riyadi',
      desil: 1,
      businessStatus: 'stalled',
      members: [
        { name: 'Slamet Riyadi', sex: 'L', birthDate: '1975-08-17', relation: 1 },
        { name: 'Suwarni', sex: 'P', birthDate: '1978-02-03', relation: 2 },
      ],
    });
    sutrisno = await makeFamily(db, { villageCode: SENGGURUH, headName: 'Sutrisno', desil: 4, businessStatus: 'active' });
    suparman = await makeFamily(db, { villageCode: TULUNGREJO, headName: 'Suparman Hadi Suwarno', desil: 7, businessStatus: 'active' });
    budi = await makeFamily(db, { villageCode: TULUNGREJO, headName: 'Budi Santoso', desil: null });
  });
  afterAll(async () => t.close());

  const search = async (query: string) => {
    const res = await operator.get(`/api/families?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page<FamilyListItem>>();
  };
  const ids = (page: Page<FamilyListItem>) => page.items.map((f) => f.id);

  it('finds the family of a member by NIK, also when typed with spaces', async () => {
    const nik = suwarni.members[1]!.nik;
    expect(ids(await search(`q=${nik}`))).toEqual([suwarni.id]);
    const spaced = `${nik.slice(0, 6)} ${nik.slice(6, 12)} ${nik.slice(12)}`;
    expect(ids(await search(`q=${encodeURIComponent(spaced)}`))).toEqual([suwarni.id]);
  });

  it('finds a family by No KK, and nothing for an unknown number', async () => {
    expect(ids(await search(`q=${suparman.noKk}`))).toEqual([suparman.id]);
    expect((await search('q=3507000000000000')).total).toBe(0);
  });

  it('finds "Suwarni" when searching "Suwarmi" (typo), through a member who is not the head', async () => {
    expect(ids(await search('q=Suwarmi'))).toContain(suwarni.id);
    expect(ids(await search('q=suwarmi'))).toContain(suwarni.id);
  });

  it('ranks the closest name first and leaves out unrelated names', async () => {
    const page = await search('q=Suwarni');
    expect(ids(page)).toEqual([suwarni.id, suparman.id]);
    expect(ids(page)).not.toContain(budi.id);
    expect(ids(await search('q=Suwarni&sort=-desil'))).toEqual([suparman.id, suwarni.id]);
  });

  it('filters by kecamatan, desa, desil range and business status', async () => {
    expect(ids(await search('region=35.07.13&sort=head_name'))).toEqual([suwarni.id, sutrisno.id]);
    expect(ids(await search(`region=${SENGGURUH}`))).toEqual([sutrisno.id]);
    expect(ids(await search('desilMin=2&desilMax=7&sort=desil'))).toEqual([sutrisno.id, suparman.id]);
    expect(ids(await search('businessStatus=active&sort=-desil'))).toEqual([suparman.id, sutrisno.id]);
    expect(ids(await search('region=35.07.01&businessStatus=none'))).toEqual([budi.id]);
  });

  it('sorts with families without desil last and pages with a stable total', async () => {
    expect(ids(await search('sort=desil'))).toEqual([suwarni.id, sutrisno.id, suparman.id, budi.id]);
    expect(ids(await search('sort=-head_name'))).toEqual([sutrisno.id, suparman.id, suwarni.id, budi.id]);
    // Donomulyo before Kepanjen, then by desa (Kemiri before Sengguruh), then by head name.
    expect(ids(await search('sort=village'))).toEqual([budi.id, suparman.id, suwarni.id, sutrisno.id]);
    expect(ids(await search('sort=-village'))).toEqual([sutrisno.id, suwarni.id, budi.id, suparman.id]);
    const second = await search('sort=desil&pageSize=3&page=2');
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(ids(second)).toEqual([budi.id]);
  });

  it('shows region names and masks the No KK in lists', async () => {
    const [item] = (await search(`q=${suwarni.noKk}`)).items;
    expect(item).toEqual({
      id: suwarni.id,
      noKk: `${suwarni.noKk.slice(0, 4)}********${suwarni.noKk.slice(-4)}`,
      headName: 'Slamet Riyadi',
      address: 'Jl. Mawar No. 1',
      villageCode: KEMIRI,
      villageName: 'Kemiri',
      kecamatanName: 'Kepanjen',
      desil: 1,
      memberCount: 2,
      businessStatus: 'stalled',
    });
  });

  it('rejects a region outside the jurisdiction and a reversed desil range', async () => {
    const outside = await operator.get('/api/families?region=35.73.01');
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'outside_jurisdiction' });
    expect((await operator.get('/api/families?desilMin=6&desilMax=2')).json()).toMatchObject({ code: 'validation_failed' });
    expect((await operator.get('/api/families?sort=random')).statusCode).toBe(400);
  });

  it('records one audit row per list request, with the query, not one per family', async () => {
    const countRows = async () =>
      Number(
        (await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('entity', '=', 'family_list').executeTakeFirstOrThrow()).n,
      );
    const before = await countRows();
    await search('region=35.07.01&pageSize=10');
    expect(await countRows()).toBe(before + 1);
    const last = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'family_list').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'view', details: { region: '35.07.01', pageSize: 10, total: 2 } });
    const perFamily = await t.database.db.selectFrom('audit_log').select('id').where('entity', '=', 'family').execute();
    expect(perFamily).toEqual([]);
  });
});
