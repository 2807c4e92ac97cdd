import type { FamilyDetail, Member } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { testDatabaseKinds } from '../../../test/db.ts';
import { loginAs, makeUser } from '../../../test/factories.ts';
import { makeFamily, type TestFamily } from '../../../test/family-factories.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen

/** Codes and labels that must never reach a masked view of the family below. */
const SECRETS = ['penglihatan', 'hipertensi', 'warga_binaan', 'odha', 'Penglihatan', 'Hipertensi', 'Warga binaan', 'ODHA', 'HIV'];

const hidden = { disabilities: null, chronicIllness: null, specialStatus: null, specificDataHidden: true };

async function workbookText(res: LightMyRequestResponse): Promise<{ members: (string | number | null)[][]; text: string }> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const members: (string | number | null)[][] = [];
  const all: unknown[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const values = (row.values as (string | number | null | undefined)[]).slice(1).map((v) => v ?? null);
      all.push(values);
      if (sheet.name === 'Anggota' || sheet.name === 'Members') members.push(values);
    });
  });
  return { members, text: JSON.stringify(all) };
}

describe.each(testDatabaseKinds)('specific personal data (UU PDP) in the registry on %s', (kind) => {
  let t: TestApp;
  let operator: TestClient;
  let pendamping: TestClient;
  let pimpinan: TestClient;
  let family: TestFamily;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    operator = await loginAs(t.app, await makeUser(db, { role: 'operator' }));
    pendamping = await loginAs(t.app, await makeUser(db, { role: 'pendamping', scopeCodes: ['35.07.13'] }));
    pimpinan = await loginAs(t.app, await makeUser(db, { role: 'pimpinan' }));
    family = await makeFamily(db, {
      villageCode: KEMIRI,
      headName: 'Sugeng Widodo',
      members: [
        { name: 'Sugeng Widodo', sex: 'L', birthDate: '1975-08-17', relation: 1 },
        { name: 'Siti Aminah', sex: 'P', birthDate: '1979-11-02', relation: 2 },
      ],
    });
    await db
      .updateTable('member')
      .set({ disabilities: ['penglihatan'], chronic_illness: 'hipertensi', special_status: ['warga_binaan'], ppks: ['fakir_miskin', 'odha'] })
      .where('id', '=', family.members[0]!.id)
      .execute();
  });
  afterAll(async () => t.close());

  const auditOf = (action: string) =>
    t.database.db.selectFrom('audit_log').select(['action', 'username', 'details']).where('entity', '=', 'family').where('entity_id', '=', family.id)
      .where('action', '=', action).orderBy('id').execute();

  it('never gives facilitators or leaders the values, in the profile or the list, and refuses them the unmask', async () => {
    for (const client of [pendamping, pimpinan]) {
      const res = await client.get(`/api/families/${family.id}`);
      expect(res.statusCode).toBe(200);
      const members = res.json<FamilyDetail>().members;
      expect(members.map((m) => ({ ...pick(m), ppks: m.ppks }))).toEqual([
        { ...hidden, ppks: ['fakir_miskin'] },
        { ...hidden, ppks: [] },
      ]);
      for (const secret of SECRETS) expect(res.body).not.toContain(secret);
      const list = await client.get(`/api/families?region=${KEMIRI}`);
      expect(list.statusCode).toBe(200);
      for (const secret of SECRETS) expect(list.body).not.toContain(secret);
      expect((await client.get(`/api/families/${family.id}?unmask=true`)).statusCode).toBe(403);
    }
    expect(await auditOf('unmask')).toEqual([]);
  });

  it('hides them from an operator too until a deliberate unmask, which the audit row records as showing specific data', async () => {
    const masked = await operator.get(`/api/families/${family.id}`);
    expect(masked.json<FamilyDetail>().members.map(pick)).toEqual([hidden, hidden]);
    for (const secret of SECRETS) expect(masked.body).not.toContain(secret);

    const shown = (await operator.get(`/api/families/${family.id}?unmask=true`)).json<FamilyDetail>();
    expect(shown.unmasked).toBe(true);
    expect(shown.members.map((m) => ({ ...pick(m), ppks: m.ppks }))).toEqual([
      { disabilities: ['penglihatan'], chronicIllness: 'hipertensi', specialStatus: ['warga_binaan'], specificDataHidden: false, ppks: ['fakir_miskin', 'odha'] },
      { disabilities: [], chronicIllness: null, specialStatus: [], specificDataHidden: false, ppks: [] },
    ]);
    expect((await auditOf('unmask')).at(-1)?.details).toMatchObject({ specificDataShown: true, shown: ['nik', 'noKk', 'birthDate'] });
  });

  it('exports the disability and sensitive PPKS cells hidden unless the export is unmasked, and audits which', async () => {
    const masked = await workbookText(await operator.get(`/api/families/export?region=${KEMIRI}&includeMembers=true`));
    const [header, head, wife] = masked.members;
    const disabilities = header!.indexOf('Disabilitas');
    const ppks = header!.indexOf('Kategori PPKS');
    expect([head?.[disabilities], head?.[ppks], wife?.[disabilities]]).toEqual(['Disembunyikan (data pribadi spesifik)', 'Fakir miskin', 'Disembunyikan (data pribadi spesifik)']);
    for (const secret of SECRETS) expect(masked.text).not.toContain(secret);

    const full = await workbookText(await operator.get(`/api/families/export?region=${KEMIRI}&includeMembers=true&unmask=true`));
    expect([full.members[1]?.[disabilities], full.members[1]?.[ppks]]).toEqual(['Penglihatan', 'Fakir miskin, Orang dengan HIV/AIDS (ODHA)']);
    const exports = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'export').orderBy('id').execute();
    expect(exports.map((e) => (e.details as { specificDataShown: boolean }).specificDataShown)).toEqual([false, true]);
  });
});

function pick(member: Member) {
  return { disabilities: member.disabilities, chronicIllness: member.chronicIllness, specialStatus: member.specialStatus, specificDataHidden: member.specificDataHidden };
}
