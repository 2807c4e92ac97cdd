import type { FamilyConflictDetails, FamilyDetail, FamilyEditResult } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser, type TestUser } from '../../../../test/factories.ts';
import { makeFamily, testNoKk } from '../../../../test/family-factories.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen
const SENGGURUH = '35.07.13.2002'; // Kepanjen
const TULUNGREJO = '35.07.01.2001'; // Donomulyo

describe.each(testDatabaseKinds)('family edits on %s', (kind) => {
  let t: TestApp;
  let operatorUser: TestUser;
  let operator: TestClient;
  let colleague: TestClient;
  let kepanjenOperator: TestClient;
  let pimpinan: TestClient;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    operatorUser = await makeUser(db, { role: 'operator' });
    operator = await loginAs(t.app, operatorUser);
    colleague = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    kepanjenOperator = await loginAs(t.app, await makeUser(db, { role: 'operator', scopeCodes: ['35.07.13'] }));
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyKind: 'bappeda' }));
  });
  afterAll(async () => t.close());

  const changesOf = (familyId: string) =>
    t.database.db.selectFrom('registry_change').select(['entity', 'changes', 'source', 'user_id', 'batch_id']).where('entity_id', '=', familyId).orderBy('id').execute();
  const stored = (familyId: string) => t.database.db.selectFrom('family').selectAll().where('id', '=', familyId).executeTakeFirstOrThrow();

  it('refuses the second of two editors who started from the same version (409 with the current record) and overwrites nothing', async () => {
    const family = await makeFamily(t.database.db, { villageCode: KEMIRI, headName: 'Sugeng Widodo', desil: 3 });
    const [mine, theirs] = await Promise.all([operator.get(`/api/families/${family.id}`), colleague.get(`/api/families/${family.id}`)]);
    expect(mine.json<FamilyDetail>().version).toBe(1);
    expect(theirs.json<FamilyDetail>().version).toBe(1);

    const first = await operator.patch(`/api/families/${family.id}`, { version: 1, changes: { desilNational: 2, address: 'Jl. Melati 5' } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<FamilyEditResult>()).toMatchObject({ family: { version: 2, desilNational: 2, address: 'Jl. Melati 5' }, warnings: [] });
    expect(first.json<FamilyEditResult>().changedFields.sort()).toEqual(['address', 'desilNational']);

    const second = await colleague.patch(`/api/families/${family.id}`, { version: 1, changes: { desilNational: 4, address: 'Jl. Kenanga 9' } });
    expect(second.statusCode).toBe(409);
    const body = second.json<{ code: string; message: string; details: FamilyConflictDetails }>();
    expect(body).toMatchObject({ code: 'conflict', message: 'Data sudah diubah orang lain. Muat ulang lalu coba lagi.' });
    expect(body.details.current).toMatchObject({ id: family.id, version: 2, desilNational: 2, address: 'Jl. Melati 5', unmasked: false });
    expect(body.details.current.noKk).not.toBe(family.noKk);

    expect(await stored(family.id)).toMatchObject({ version: 2, desil_national: 2, address: 'Jl. Melati 5' });
    expect(await changesOf(family.id)).toHaveLength(1);

    const retry = await colleague.patch(`/api/families/${family.id}`, { version: 2, changes: { desilNational: 4 } });
    expect(retry.statusCode).toBe(200);
    expect(await stored(family.id)).toMatchObject({ version: 3, desil_national: 4, address: 'Jl. Melati 5' });
  });

  it('serialises truly simultaneous saves: exactly one wins, the other gets 409', async () => {
    const family = await makeFamily(t.database.db, { villageCode: KEMIRI, headName: 'Budi Hartono', desil: 5 });
    const results = await Promise.all([
      operator.patch(`/api/families/${family.id}`, { version: 1, changes: { desilNational: 1 } }),
      colleague.patch(`/api/families/${family.id}`, { version: 1, changes: { desilNational: 9 } }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json<FamilyEditResult>();
    expect(await stored(family.id)).toMatchObject({ version: 2, desil_national: winner.family.desilNational });
    expect(await changesOf(family.id)).toHaveLength(1);
  });

  it('records exactly the fields that changed with their old and new values, who changed them, and audits the update', async () => {
    const family = await makeFamily(t.database.db, { villageCode: KEMIRI, headName: 'Slamet Riyadi', desil: 3 });
    const res = await operator.patch(`/api/families/${family.id}`, {
      version: 1,
      changes: { desilNational: 3, rt: '001', floorType: 8, assets: ['sepeda', 'lemari_es'], address: '', floorAreaM2: 36.5 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FamilyEditResult>().changedFields.sort()).toEqual(['address', 'assets', 'floorAreaM2', 'floorType']);
    expect(await changesOf(family.id)).toEqual([
      {
        entity: 'family',
        source: 'edit',
        user_id: operatorUser.id,
        batch_id: null,
        changes: { floorType: [null, 8], assets: [[], ['sepeda', 'lemari_es']], address: ['Jl. Mawar No. 1', null], floorAreaM2: [null, 36.5] },
      },
    ]);
    expect(await stored(family.id)).toMatchObject({ version: 2, floor_type: 8, assets: ['sepeda', 'lemari_es'], address: null, floor_area_m2: 36.5 });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'username', 'details']).where('entity', '=', 'family').where('entity_id', '=', family.id).execute();
    expect(audit.map((a) => [a.action, a.username])).toEqual([['update', operatorUser.username]]);
    const details = audit[0]?.details as { fields: string[]; version: number };
    expect({ ...details, fields: details.fields.sort() }).toEqual({ fields: ['address', 'assets', 'floorAreaM2', 'floorType'], version: 2 });

    // The same values again, and the same codes in another order, are no change: no new version, no history row.
    const again = await operator.patch(`/api/families/${family.id}`, { version: 2, changes: { floorType: 8, assets: ['lemari_es', 'sepeda'] } });
    expect(again.statusCode).toBe(200);
    expect(again.json<FamilyEditResult>()).toMatchObject({ changedFields: [], family: { version: 2 } });
    expect(await changesOf(family.id)).toHaveLength(1);
  });

  it('validates values against the shared code lists and identity rules', async () => {
    const family = await makeFamily(t.database.db, { villageCode: KEMIRI, headName: 'Joko Susilo' });
    const other = await makeFamily(t.database.db, { villageCode: KEMIRI, headName: 'Agus Salim' });
    const patch = (changes: object) => operator.patch(`/api/families/${family.id}`, { version: 1, changes });
    for (const changes of [{ desilNational: 11 }, { desilNational: 0 }, { floorType: 42 }, { assets: ['kapal_pesiar'] }, { memberCount: 9 }, { headName: 'X' }, {}, { noKk: '3507' }, { rt: 'satu' }]) {
      const res = await patch(changes);
      expect(res.statusCode, JSON.stringify(changes)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect((await patch({ villageCode: '35.08.01.2001' })).json()).toMatchObject({ code: 'outside_jurisdiction' });
    expect((await patch({ villageCode: '35.07.13.2999' })).json()).toMatchObject({ code: 'unknown_region' });
    const duplicate = await patch({ noKk: other.noKk });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'duplicate' });
    expect(await stored(family.id)).toMatchObject({ version: 1, no_kk: family.noKk });

    const newNoKk = testNoKk(KEMIRI);
    const moved = await patch({ noKk: newNoKk, villageCode: SENGGURUH });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<FamilyEditResult>().family).toMatchObject({ villageName: 'Sengguruh', version: 2 });
    expect((await changesOf(family.id))[0]?.changes).toEqual({ noKk: [family.noKk, newNoKk], villageCode: [KEMIRI, SENGGURUH] });
  });

  it('keeps operators inside their region and leaders out of editing', async () => {
    const inKepanjen = await makeFamily(t.database.db, { villageCode: KEMIRI, headName: 'Sri Wahyuni' });
    const inDonomulyo = await makeFamily(t.database.db, { villageCode: TULUNGREJO, headName: 'Bambang Purnomo' });

    const outside = await kepanjenOperator.patch(`/api/families/${inDonomulyo.id}`, { version: 1, changes: { desilNational: 1 } });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'out_of_scope' });

    const away = await kepanjenOperator.patch(`/api/families/${inKepanjen.id}`, { version: 1, changes: { villageCode: TULUNGREJO } });
    expect(away.statusCode).toBe(403);
    expect(away.json()).toMatchObject({ code: 'out_of_scope' });

    const leader = await pimpinan.patch(`/api/families/${inKepanjen.id}`, { version: 1, changes: { desilNational: 1 } });
    expect(leader.statusCode).toBe(403);
    expect(leader.json()).toMatchObject({ code: 'forbidden' });

    expect(await stored(inKepanjen.id)).toMatchObject({ version: 1, village_code: KEMIRI });
    expect(await stored(inDonomulyo.id)).toMatchObject({ version: 1, desil_national: 3 });
    expect((await kepanjenOperator.patch(`/api/families/${inKepanjen.id}`, { version: 1, changes: { desilNational: 1 } })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown family', async () => {
    const res = await operator.patch('/api/families/00000000-0000-4000-8000-000000000000', { version: 1, changes: { desilNational: 1 } });
    expect(res.statusCode).toBe(404);
  });
});
