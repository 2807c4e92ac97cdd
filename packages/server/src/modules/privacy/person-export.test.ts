import type { DuplicateCandidate, Page, PersonDataExport } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { testDatabaseKinds } from '../../../test/db.ts';
import { loginAs, makeUser, type TestUser } from '../../../test/factories.ts';
import { startFullScan } from '../registry/duplicates/scan.ts';
import { KEMIRI, makePerson, TULUNGREJO, type TestPerson } from '../registry/duplicates/test-kit.ts';
import { recordAudit } from '../audit/record.ts';
import { renderPersonPdf } from './person-pdf.ts';
import { registerPersonDataSection } from './person-sections.ts';
import { pdfText } from './test-pdf.ts';

describe.each(testDatabaseKinds)('data subject access request on %s', (kind) => {
  let t: TestApp;
  let officer: TestClient;
  let viewerUser: TestUser;
  let kepanjenOfficer: TestClient;
  let pimpinan: TestClient;
  let siti: TestPerson;
  let sitiAgain: TestPerson;
  let sity: TestPerson;
  let farAway: TestPerson;

  const exportJson = async (client: TestClient, nik: string) => {
    const res = await client.get(`/api/privacy/people/${nik}/export?format=json`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PersonDataExport>();
  };
  const pairWith = async (other: TestPerson) => {
    const open = (await officer.get('/api/registry/duplicates')).json<Page<DuplicateCandidate>>();
    const pair = open.items.find((c) => [c.a.id, c.b.id].includes(siti.memberId) && [c.a.id, c.b.id].includes(other.memberId));
    if (!pair) throw new Error(`no open pair with ${other.name}`);
    return pair;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    officer = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    viewerUser = await makeUser(db, { role: 'pendamping', scopeCodes: ['35.07.13'] });
    kepanjenOfficer = await loginAs(t.app, await makeUser(db, { role: 'operator', scopeCodes: ['35.07.13'] }));
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan', agencyKind: 'bappeda' }));
    siti = await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah', birthDate: '1980-05-05' });
    sitiAgain = await makePerson(db, { villageCode: KEMIRI, name: 'Siti Aminah ', birthDate: '1980-05-05' });
    sity = await makePerson(db, { villageCode: KEMIRI, name: 'Sity Aminah', birthDate: '1980-05-05' });
    farAway = await makePerson(db, { villageCode: TULUNGREJO, name: 'Joko Susilo', birthDate: '1970-01-01', sex: 'L' });
    await db.insertInto('member').values({ nik: '3507134101050001', family_id: siti.familyId, name: 'Ayu Lestari', birth_date: '2005-01-01', sex: 'P', relation: 3 }).execute();

    // A field facilitator views the family; an operator edits the person; a request and two duplicate decisions follow.
    const viewer = await loginAs(t.app, viewerUser);
    expect((await viewer.get(`/api/families/${siti.familyId}`)).statusCode).toBe(200);
    const edit = await officer.patch(`/api/members/${siti.memberId}`, { version: 1, changes: { education: 3 } });
    expect(edit.statusCode, edit.body).toBe(200);
    const request = await officer.post('/api/privacy/corrections', {
      entity: 'member', entityId: siti.memberId, requestedChanges: { workStatus: 1 }, reason: 'Sudah berusaha sendiri', channel: 'letter', requesterName: 'Siti Aminah',
    });
    expect(request.statusCode, request.body).toBe(201);
    await (await startFullScan(db, { userId: null })).finished;
    expect((await officer.post(`/api/registry/duplicates/${(await pairWith(sitiAgain)).id}/distinct`, { note: 'Orang lain' })).statusCode).toBe(200);
    const pair = await pairWith(sity);
    expect((await officer.post(`/api/registry/duplicates/${pair.id}/merge`, { keep: pair.a.id === siti.memberId ? 'a' : 'b' })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('gives everything held on the person as JSON, including who viewed them, and audits the export', async () => {
    const data = await exportJson(officer, siti.nik);
    expect(data).toMatchObject({ format: 'sinergi.person-data/1', requestedNik: siti.nik, jurisdiction: { code: '35.07' } });
    expect(data.jurisdiction.name).toMatch(/Malang/i);
    expect(data.person).toMatchObject({ id: siti.memberId, nik: siti.nik, name: 'Siti Aminah', birthDate: '1980-05-05', education: 3 });
    expect(data.family).toMatchObject({ id: siti.familyId, villageCode: KEMIRI });
    expect(data.familyMembers).toEqual([{ name: 'Ayu Lestari', relation: 3 }]);
    expect(data.memberships.map((m) => [m.familyId, m.endDate === null])).toEqual(
      expect.arrayContaining([[siti.familyId, true], [sity.familyId, false]]),
    );
    expect(data.mergedRecords.map((m) => m.nik)).toEqual([sity.nik]);
    const edit = data.changes.find((c) => c.source === 'edit');
    expect(edit).toMatchObject({ entityId: siti.memberId, changes: { education: [null, 3] } });
    expect(edit?.by.username).toMatch(/^operator\./);
    expect(data.changes.find((c) => c.source === 'merge' && c.entityId === sity.memberId)?.changes).toMatchObject({ name: ['Sity Aminah', null], mergedInto: [null, siti.memberId] });
    expect(data.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'view', entity: 'family', by: { username: viewerUser.username, fullName: `Pengguna ${viewerUser.username}` } })]));
    expect(data.duplicateDecisions.map((d) => d.status).sort()).toEqual(['distinct', 'merged']);
    expect(data.correctionRequests).toEqual([expect.objectContaining({ reason: 'Sudah berusaha sendiri', channel: 'letter', status: 'received' })]);

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id', 'details']).where('entity', '=', 'person').execute();
    expect(audit).toEqual([{ action: 'export', entity_id: siti.nik, details: { format: 'json', memberId: siti.memberId } }]);
    // The next copy shows the previous export among the accesses.
    const again = await exportJson(officer, siti.nik);
    expect(again.accessLog.filter((a) => a.entity === 'person' && a.action === 'export')).toHaveLength(1);
  });

  it('includes views of the family’s records held by other modules, such as house photos', async () => {
    // Modules that show a family's house photos or hand-over proofs name the family in details.familyId.
    const viewer = await t.database.db.selectFrom('app_user').select(['id', 'username']).where('username', '=', viewerUser.username).executeTakeFirstOrThrow();
    await recordAudit(t.database.db, null, { action: 'view', entity: 'renovation_photo', entityId: 'photo-1', details: { familyId: siti.familyId, kind: 'before' } }, viewer);
    await recordAudit(t.database.db, null, { action: 'view', entity: 'renovation_photo', entityId: 'photo-2', details: { familyId: farAway.familyId, kind: 'before' } }, viewer);
    const data = await exportJson(officer, siti.nik);
    const photoViews = data.accessLog.filter((a) => a.entity === 'renovation_photo');
    expect(photoViews.map((a) => [a.action, a.entityId, a.by.username])).toEqual([['view', 'photo-1', viewerUser.username]]);
    const pdf = pdfText(await renderPersonPdf(data, { compress: false }));
    expect(pdf).toContain('Foto rumah');
  });

  it('finds the person under a NIK that was merged away', async () => {
    const data = await exportJson(officer, sity.nik);
    expect(data.requestedNik).toBe(sity.nik);
    expect(data.person).toMatchObject({ id: siti.memberId, nik: siti.nik });
  });

  it('produces a PDF in Bahasa Indonesia with the header and the person’s data', async () => {
    const res = await officer.get(`/api/privacy/people/${siti.nik}/export?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`data-pribadi-${siti.nik}`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.subarray(-6).toString('latin1')).toContain('%%EOF');

    const text = pdfText(await renderPersonPdf(await exportJson(officer, siti.nik), { compress: false }));
    for (const expected of ['SALINAN DATA PRIBADI', 'Siti Aminah', siti.nik, 'Malang', 'Catatan akses', viewerUser.username, 'Sudah berusaha sendiri', 'SMA/SMK/sederajat']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Halaman 1 dari \d+/);
  });

  it('is for officers who may unmask, within their scope, with clear errors otherwise', async () => {
    expect((await pimpinan.get(`/api/privacy/people/${siti.nik}/export`)).statusCode).toBe(403);
    const outside = await kepanjenOfficer.get(`/api/privacy/people/${farAway.nik}/export`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'out_of_scope' });
    expect((await kepanjenOfficer.get(`/api/privacy/people/${siti.nik}/export`)).statusCode).toBe(200);
    expect((await officer.get('/api/privacy/people/3507130101800999/export')).json()).toMatchObject({ code: 'not_found' });
    expect((await officer.get('/api/privacy/people/12345/export')).statusCode).toBe(400);
    const spaced = `${siti.nik.slice(0, 6)}.${siti.nik.slice(6, 12)}.${siti.nik.slice(12)}`;
    expect((await exportJson(officer, spaced)).person?.id).toBe(siti.memberId);
  });
  it('includes what other modules register about the person', async () => {
    const remove = registerPersonDataSection({
      key: 'test_visits',
      title: { id: 'Kunjungan lapangan', en: 'Field visits' },
      collect: async (_db, person) => person.memberIds.map((id) => ({ memberId: id, visitedOn: '2025-02-03' })),
    });
    try {
      const data = await exportJson(officer, siti.nik);
      expect(data.otherSections).toEqual([
        { key: 'test_visits', title: { id: 'Kunjungan lapangan', en: 'Field visits' }, items: [siti.memberId, sity.memberId].map((memberId) => ({ memberId, visitedOn: '2025-02-03' })) },
      ]);
      const text = pdfText(await renderPersonPdf(data, { compress: false }));
      expect(text).toContain('9. Kunjungan lapangan');
      expect(text).toContain('3 Februari 2025');
    } finally {
      remove();
    }
  });
});
