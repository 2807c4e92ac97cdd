import { HOUSE_RENOVATION_PRIORITY, HOUSE_RENOVATION_RULE, type Page, type Program, type ProgramListItem, type ProgramRuleVersion, type RuleCatalogue, type RuleIssues } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { activeProgram, businessPackage, createProgram, DONOMULYO, KEPANJEN, programsWorld, type ProgramsWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('program catalogue on %s', (kind) => {
  let w: ProgramsWorld;
  beforeAll(async () => {
    w = await programsWorld(kind);
  });
  afterAll(async () => w.t.close());

  it('creates a draft owned by the operator’s agency, with quotas, items and the rule in words', async () => {
    const program = await createProgram(w.dinsosOperator, businessPackage({
      quotas: [{ kecamatanCode: KEPANJEN, families: 60 }, { kecamatanCode: DONOMULYO, families: 40, money: 200_000_000 }],
    }));
    expect(program).toMatchObject({
      status: 'draft', agency: { id: w.dinsos.id }, kind: 'business_package', ruleVersion: 1, version: 1, itemsValue: 5_000_000, canManage: true,
      quotas: [
        { kecamatanCode: DONOMULYO, kecamatanName: 'Donomulyo', families: 40, units: null, money: 200_000_000 },
        { kecamatanCode: KEPANJEN, kecamatanName: 'Kepanjen', families: 60, units: null, money: null },
      ],
    });
    expect(program.ruleText?.id).toContain('Desil nasional');
    expect(program.ruleText?.en).toContain('Has not received a program of kind Business starter package this year');
    const audit = await w.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'program').where('entity_id', '=', program.id).execute();
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('refuses bad input with clear errors: period, unknown kecamatan, duplicate quota', async () => {
    const period = await w.dinsosOperator.post('/api/programs', businessPackage({ periodFrom: '2026-12-31', periodTo: '2026-01-01' }));
    expect(period.statusCode).toBe(400);
    expect(period.json<{ code: string; details: { path: string }[] }>().details.map((d) => d.path)).toContain('/periodTo');
    const unknown = await w.dinsosOperator.post('/api/programs', businessPackage({ quotas: [{ kecamatanCode: '35.07.99', families: 3 }] }));
    expect(unknown.json()).toMatchObject({ code: 'unknown_region' });
    const twice = await w.dinsosOperator.post('/api/programs', businessPackage({ quotas: [{ kecamatanCode: KEPANJEN, families: 3 }, { kecamatanCode: KEPANJEN, families: 4 }] }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'validation_failed', details: [{ path: '/quotas/1/kecamatanCode' }] });
    const outside = await w.dinsosOperator.post('/api/programs', businessPackage({ quotas: [{ kecamatanCode: '35.08.01', families: 3 }] }));
    expect(outside.json()).toMatchObject({ code: 'outside_jurisdiction' });
  });

  it('refuses an invalid rule with 400 invalid_rule and the path of every issue', async () => {
    const rule = { version: 1, condition: { kind: 'all', conditions: [
      { kind: 'compare', field: 'desilNational', op: 'between', value: [5, 1] },
      { kind: 'compare', field: 'noSuchField', op: '=', value: 1 },
    ] } };
    const response = await w.dinsosOperator.post('/api/programs', businessPackage({ rule }));
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string; details: RuleIssues }>();
    expect(body.code).toBe('invalid_rule');
    expect(body.message).toBe('Aturan belum dapat disimpan: 2 masalah perlu diperbaiki.');
    expect(body.details.issues.map((issue) => issue.path)).toEqual([
      ['condition', 'conditions', 0, 'value'],
      ['condition', 'conditions', 1, 'field'],
    ]);
    const priority = await w.dinsosOperator.post('/api/programs', businessPackage({ priority: { keys: [{ kind: 'field', field: 'businessStatus', direction: 'asc' }] } }));
    expect(priority.json<{ code: string; details: RuleIssues }>()).toMatchObject({ code: 'invalid_rule', details: { issues: [{ code: 'not_a_priority_field', path: ['keys', 0, 'field'] }] } });
  });

  it('lets only the owner agency change a program: a Disnaker operator gets 403 on a Dinsos program', async () => {
    const program = await createProgram(w.dinsosOperator, businessPackage());
    const change = await w.disnakerOperator.patch(`/api/programs/${program.id}`, { version: program.version, name: 'Diambil alih' });
    expect(change.statusCode).toBe(403);
    expect(change.json()).toMatchObject({ code: 'program_other_agency', message: expect.stringContaining(w.dinsos.shortName) as string });
    expect((await w.disnakerOperator.post(`/api/programs/${program.id}/activate`, { version: program.version })).statusCode).toBe(403);
    const forDinsos = await w.disnakerOperator.post('/api/programs', businessPackage({ agencyId: w.dinsos.id }));
    expect(forDinsos.json()).toMatchObject({ code: 'program_other_agency' });
    expect((await w.pimpinan.post('/api/programs', businessPackage())).json()).toMatchObject({ code: 'forbidden' });
    const seen = await w.disnakerOperator.get(`/api/programs/${program.id}`);
    expect(seen.json<Program>()).toMatchObject({ id: program.id, canManage: false });
    const byAdmin = await w.admin.patch(`/api/programs/${program.id}`, { version: program.version, description: 'Catatan admin' });
    expect(byAdmin.json<Program>()).toMatchObject({ description: 'Catatan admin', version: program.version + 1 });
  });

  it('detects concurrent edits (409) and keeps every rule version', async () => {
    const program = await createProgram(w.dinsosOperator, businessPackage());
    const first = await w.dinsosOperator.patch(`/api/programs/${program.id}`, { version: program.version, targetFamilies: 1500 });
    expect(first.json<Program>()).toMatchObject({ targetFamilies: 1500, ruleVersion: 1, version: 2, budget: 8_450_000_000 });
    const stale = await w.dinsosOperator.patch(`/api/programs/${program.id}`, { version: program.version, targetFamilies: 1400 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict' });
    const ruled = await w.dinsosOperator.patch(`/api/programs/${program.id}`, { version: 2, rule: HOUSE_RENOVATION_RULE, priority: HOUSE_RENOVATION_PRIORITY });
    expect(ruled.json<Program>()).toMatchObject({ ruleVersion: 2, version: 3, rule: HOUSE_RENOVATION_RULE });
    const same = await w.dinsosOperator.patch(`/api/programs/${program.id}`, { version: 3, rule: HOUSE_RENOVATION_RULE });
    expect(same.json<Program>()).toMatchObject({ ruleVersion: 2, version: 4 });
    const versions = (await w.dinsosOperator.get(`/api/programs/${program.id}/rule-versions`)).json<ProgramRuleVersion[]>();
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]?.rule).toEqual(businessPackage().rule);
  });

  it('activates only with a legal basis and a rule, and refuses changes once closed', async () => {
    const bare = await createProgram(w.dinsosOperator, businessPackage({ legalBasis: null, rule: null, priority: null }));
    expect(bare.ruleVersion).toBe(0);
    const noBasis = await w.dinsosOperator.post(`/api/programs/${bare.id}/activate`, { version: bare.version });
    expect(noBasis.json()).toMatchObject({ code: 'program_legal_basis_required' });
    const withBasis = (await w.dinsosOperator.patch(`/api/programs/${bare.id}`, { version: bare.version, legalBasis: 'Tugas pemerintahan: Perda 5/2024' })).json<Program>();
    expect((await w.dinsosOperator.post(`/api/programs/${bare.id}/activate`, { version: withBasis.version })).json()).toMatchObject({ code: 'program_rule_required' });

    const program = await activeProgram(w.dinsosOperator, businessPackage());
    expect(program).toMatchObject({ status: 'active' });
    expect(program.activatedAt).not.toBeNull();
    const clearRule = await w.dinsosOperator.patch(`/api/programs/${program.id}`, { version: program.version, rule: null });
    expect(clearRule.json()).toMatchObject({ code: 'program_rule_required' });
    const again = await w.dinsosOperator.post(`/api/programs/${program.id}/activate`, { version: program.version });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'program_status_invalid' });
    const closed = (await w.dinsosOperator.post(`/api/programs/${program.id}/close`, { version: program.version })).json<Program>();
    expect(closed).toMatchObject({ status: 'closed', canManage: false });
    const late = await w.dinsosOperator.patch(`/api/programs/${program.id}`, { version: closed.version, name: 'Terlambat' });
    expect(late.json()).toMatchObject({ code: 'program_closed' });
  });

  it('lists and filters programs for every reader, and serves the rule catalogue', async () => {
    await createProgram(w.disnakerOperator, businessPackage({ name: 'Pelatihan Menjahit Disabilitas', kind: 'training', fundingSource: 'apbn' }));
    const training = await w.pimpinan.get('/api/programs?kind=training');
    const page = training.json<Page<ProgramListItem>>();
    expect(page.items.map((item) => item.name)).toEqual(['Pelatihan Menjahit Disabilitas']);
    expect(page.items[0]).toMatchObject({ agency: { id: w.disnaker.id }, beneficiaries: 0, candidates: 0 });
    const byAgency = (await w.kepanjenPendamping.get(`/api/programs?agencyId=${w.disnaker.id}`)).json<Page<ProgramListItem>>();
    expect(byAgency.total).toBe(1);
    const catalogue = (await w.kepanjenPendamping.get('/api/programs/rule-catalogue')).json<RuleCatalogue>();
    expect(catalogue.familyFields.map((field) => field.key)).toContain('desilNational');
    expect(catalogue.memberFields.map((field) => field.key)).toContain('age');
  });
});
