import type { CorrectionRequest, FamilyTimeline, Page } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { testDatabaseKinds } from '../../../test/db.ts';
import { loginAs, makeUser } from '../../../test/factories.ts';
import { KEMIRI, makePerson, TULUNGREJO, type TestPerson } from '../registry/duplicates/test-kit.ts';

describe.each(testDatabaseKinds)('correction requests on %s', (kind) => {
  let t: TestApp;
  let officer: TestClient;
  let donomulyoOfficer: TestClient;
  let pimpinan: TestClient;
  let siti: TestPerson;
  let joko: TestPerson;

  const file = async (client: TestClient, body: object) => {
    const res = await client.post('/api/privacy/corrections', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CorrectionRequest>();
  };
  const memberRequest = (changes: object) => ({
    entity: 'member', entityId: siti.memberId, requestedChanges: changes, reason: 'Nama pada KTP berbeda', channel: 'in_person', requesterName: 'Siti Aminah', requesterContact: '0812-3456-7890',
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    officer = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    donomulyoOfficer = await loginAs(t.app, await makeUser(db, { role: 'operator', scopeCodes: ['35.07.01'] }));
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyKind: 'bappeda' }));
    siti = await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah', birthDate: '1980-05-05' });
    joko = await makePerson(db, { villageCode: TULUNGREJO, name: 'Joko Susilo', birthDate: '1970-01-01', sex: 'L' });
  });
  afterAll(async () => t.close());

  it('records a request as received without touching the registry', async () => {
    const request = await file(officer, memberRequest({ name: 'Siti Aminah Rahayu' }));
    expect(request).toMatchObject({
      entity: 'member', memberId: siti.memberId, familyId: siti.familyId, subjectNik: siti.nik, subjectName: 'Siti Aminah', status: 'received',
      channel: 'in_person', requesterName: 'Siti Aminah', requesterContact: '0812-3456-7890', requestedChanges: { name: 'Siti Aminah Rahayu' }, applyStatus: null,
    });
    const member = await t.database.db.selectFrom('member').select(['name', 'version']).where('id', '=', siti.memberId).executeTakeFirstOrThrow();
    expect(member).toEqual({ name: 'Siti Aminah', version: 1 });
  });

  it('refuses fields that cannot be corrected, bad values and unknown channels', async () => {
    const desil = await officer.post('/api/privacy/corrections', { ...memberRequest({}), entity: 'family', entityId: siti.familyId, requestedChanges: { desilNational: 1 } });
    expect(desil.statusCode).toBe(400);
    expect((await officer.post('/api/privacy/corrections', memberRequest({ sex: 'X' }))).statusCode).toBe(400);
    expect((await officer.post('/api/privacy/corrections', { ...memberRequest({}), channel: 'fax' })).statusCode).toBe(400);
    expect((await donomulyoOfficer.post('/api/privacy/corrections', memberRequest({ name: 'X' }))).json()).toMatchObject({ code: 'out_of_scope' });
  });

  it('goes received → in_review → accepted, applying the change through the edit path, and refuses other moves', async () => {
    const request = await file(officer, memberRequest({ name: 'Siti Aminah Rahayu', education: 2 }));
    const early = await officer.post(`/api/privacy/corrections/${request.id}/decide`, { outcome: 'accepted', note: 'Sesuai KTP' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'correction_invalid_transition', message: 'Permohonan perbaikan berstatus "Diterima" tidak dapat diubah menjadi "Dikabulkan".' });

    const review = await officer.post(`/api/privacy/corrections/${request.id}/review`, {});
    expect(review.json<CorrectionRequest>().status).toBe('in_review');
    expect(review.json<CorrectionRequest>().reviewedBy?.username).toMatch(/^operator\./);
    expect((await officer.post(`/api/privacy/corrections/${request.id}/review`, {})).statusCode).toBe(409);

    const decided = await officer.post(`/api/privacy/corrections/${request.id}/decide`, { outcome: 'accepted', note: 'Sesuai KTP yang diperlihatkan' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<CorrectionRequest>()).toMatchObject({
      status: 'accepted', outcomeNote: 'Sesuai KTP yang diperlihatkan', applyStatus: 'applied', appliedChanges: { name: 'Siti Aminah Rahayu', education: 2 },
    });
    const db = t.database.db;
    expect(await db.selectFrom('member').select(['name', 'education']).where('id', '=', siti.memberId).executeTakeFirstOrThrow()).toEqual({ name: 'Siti Aminah Rahayu', education: 2 });
    const history = await db.selectFrom('registry_change').select(['source', 'changes']).where('entity_id', '=', siti.memberId).execute();
    expect(history).toEqual([{ source: 'edit', changes: { name: ['Siti Aminah', 'Siti Aminah Rahayu'], education: [null, 2] } }]);

    const late = await officer.post(`/api/privacy/corrections/${request.id}/decide`, { outcome: 'rejected', note: 'Berubah pikiran' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'correction_invalid_transition' });
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'correction_request').where('entity_id', '=', request.id).orderBy('id').execute();
    expect(audit.map((a) => [a.action, (a.details as { status?: string } | null)?.status ?? null])).toEqual([
      ['create', null],
      ['update', 'in_review'],
      ['update', 'accepted'],
    ]);
  });

  it('records a rejection or a request without field changes without changing the registry', async () => {
    const before = await t.database.db.selectFrom('family').select('version').where('id', '=', joko.familyId).executeTakeFirstOrThrow();
    const rejected = await file(officer, { entity: 'family', entityId: joko.familyId, requestedChanges: { floorType: 1 }, reason: 'Lantai sudah keramik', channel: 'phone', requesterName: 'Joko Susilo' });
    await officer.post(`/api/privacy/corrections/${rejected.id}/review`, {});
    const decided = (await officer.post(`/api/privacy/corrections/${rejected.id}/decide`, { outcome: 'rejected', note: 'Hasil verifikasi lapangan: lantai tanah' })).json<CorrectionRequest>();
    expect(decided).toMatchObject({ status: 'rejected', applyStatus: null, appliedChanges: null });
    const described = await file(officer, { entity: 'family', entityId: joko.familyId, reason: 'Alamat di surat salah ketik', channel: 'online', requesterName: 'Joko Susilo' });
    await officer.post(`/api/privacy/corrections/${described.id}/review`, {});
    const accepted = (await officer.post(`/api/privacy/corrections/${described.id}/decide`, { outcome: 'accepted', note: 'Surat diperbaiki' })).json<CorrectionRequest>();
    expect(accepted).toMatchObject({ status: 'accepted', applyStatus: 'nothing_to_apply' });
    expect(await t.database.db.selectFrom('family').select('version').where('id', '=', joko.familyId).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('lists and shows requests within scope to officers who may unmask, and puts them on the family timeline', async () => {
    const all = (await officer.get('/api/privacy/corrections?pageSize=50')).json<Page<CorrectionRequest>>();
    expect(all.total).toBe(4);
    const accepted = (await officer.get('/api/privacy/corrections?status=accepted')).json<Page<CorrectionRequest>>();
    expect(accepted.items.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const donomulyo = (await donomulyoOfficer.get('/api/privacy/corrections')).json<Page<CorrectionRequest>>();
    expect(donomulyo.items.map((r) => r.familyId)).toEqual([joko.familyId, joko.familyId]);
    const sitiRequest = all.items.find((r) => r.memberId === siti.memberId);
    expect((await donomulyoOfficer.get(`/api/privacy/corrections/${sitiRequest?.id}`)).statusCode).toBe(403);
    expect((await officer.get(`/api/privacy/corrections/${sitiRequest?.id}`)).json<CorrectionRequest>().id).toBe(sitiRequest?.id);
    expect((await pimpinan.get('/api/privacy/corrections')).statusCode).toBe(403);

    const timeline = (await officer.get(`/api/families/${joko.familyId}/timeline`)).json<FamilyTimeline>();
    const kinds = timeline.items.filter((e) => e.source === 'corrections').map((e) => e.kind).sort();
    expect(kinds).toEqual(['privacy.correction_accepted', 'privacy.correction_received', 'privacy.correction_received', 'privacy.correction_rejected']);
  });
});
