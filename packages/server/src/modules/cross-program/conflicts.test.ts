import type { ConflictCount, ConflictFamily, ConflictRule, FamilyTimeline, Page } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { programsWorld, type ProgramsWorld } from '../programs/test-kit.ts';
import { insertCoverageWorld, type CoverageWorld } from './test-world.ts';

describe.each(testDatabaseKinds)('programs that should not be combined on %s', (kind) => {
  let w: ProgramsWorld;
  let world: CoverageWorld;
  beforeAll(async () => {
    w = await programsWorld(kind);
    world = await insertCoverageWorld(w.db, w.dinsos.id);
  });
  afterAll(async () => w.t.close());

  const json = async <T>(url: string, client = w.pimpinan): Promise<T> => {
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const counts = async (query = '') =>
    (await json<ConflictCount[]>(`/api/coverage/conflicts${query}`)).map((rule) => [rule.kindA, rule.kindB, rule.period, rule.families]);

  it('ships sensible default pairs and counts the families that received each pair', async () => {
    expect(await counts()).toEqual([
      ['business_package', 'business_package', 'same_year', 1],
      ['cash_transfer', 'conditional_cash', 'same_year', 1],
      ['cash_transfer', 'food_aid', 'same_year', 0],
      ['house_renovation', 'house_renovation', 'ever', 0],
    ]);
    // In 2025 only F2 and F3 received anything, one program each: no pair.
    expect((await counts('?year=2025')).map((row) => row[3])).toEqual([0, 0, 0, 0]);
    const scoped = await json<ConflictCount[]>('/api/coverage/conflicts?region=35.07.01');
    expect(scoped.map((rule) => rule.families)).toEqual([0, 0, 0, 0]);
  });

  it('lists the families of a pair with the two programs and when each was received (audited)', async () => {
    const rules = await json<ConflictCount[]>('/api/coverage/conflicts');
    const business = rules.find((rule) => rule.kindA === 'business_package')!;
    const page = await json<Page<ConflictFamily>>(`/api/coverage/conflicts/families?ruleId=${business.id}`);
    expect(page.total).toBe(1);
    expect(page.items[0]?.familyId).toBe(world.families.F1!.id);
    expect(page.items[0]?.programs.map((program) => [program.name, program.receivedOn])).toEqual([
      ['Modal Usaha B', '2026-03-16'],
      ['Paket Usaha A', '2026-05-12'],
    ]);
    const audit = await w.db.selectFrom('audit_log').select('details').where('entity', '=', 'coverage_families').execute();
    expect(audit.map((row) => (row.details as { view: string }).view)).toEqual(['conflict']);
    const missing = await w.pimpinan.get(`/api/coverage/conflicts/families?ruleId=${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
  });

  it('lets only an admin add, change and remove pairs, each audited', async () => {
    const body = { kindA: 'house_renovation', kindB: 'business_package', period: 'ever', note: 'Uji' };
    for (const client of [w.dinsosOperator, w.pimpinan]) expect((await client.post('/api/coverage/conflict-rules', body)).statusCode).toBe(403);
    const created = await w.admin.post('/api/coverage/conflict-rules', body);
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json<ConflictRule>();
    expect([rule.kindA, rule.kindB]).toEqual(['business_package', 'house_renovation']);
    const again = await w.admin.post('/api/coverage/conflict-rules', { ...body, kindA: 'business_package', kindB: 'house_renovation' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate' });
    // F7 received Usaha A and the house renovation.
    expect((await json<ConflictCount[]>('/api/coverage/conflicts')).find((r) => r.id === rule.id)?.families).toBe(1);

    const business = (await json<ConflictRule[]>('/api/coverage/conflict-rules')).find((r) => r.kindA === 'business_package' && r.kindB === 'business_package')!;
    const changed = await w.admin.put(`/api/coverage/conflict-rules/${business.id}`, { kindA: 'business_package', kindB: 'business_package', period: 'ever' });
    expect(changed.statusCode, changed.body).toBe(200);
    // Over all years F3 (Usaha A 2025, Usaha B 2026) joins F1.
    expect((await json<ConflictCount[]>('/api/coverage/conflicts')).find((r) => r.id === business.id)?.families).toBe(2);

    expect((await w.admin.delete(`/api/coverage/conflict-rules/${rule.id}`)).statusCode).toBe(204);
    expect((await w.admin.delete(`/api/coverage/conflict-rules/${rule.id}`)).statusCode).toBe(404);
    expect((await json<ConflictRule[]>('/api/coverage/conflict-rules')).length).toBe(4);
    const audit = await w.db.selectFrom('audit_log').select('action').where('entity', '=', 'program_conflict_rule').orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
  });

  it('shows every program of a family on its timeline, with the decree', async () => {
    const f1 = world.families.F1!;
    const enrolment = await w.db.selectFrom('program_enrolment').select(['id', 'decree_id']).where('family_id', '=', f1.id).where('program_id', '=', world.programs.usahaB).executeTakeFirstOrThrow();
    await w.db.insertInto('enrolment_change').values({
      enrolment_id: enrolment.id, program_id: world.programs.usahaB, action: 'decree', from_status: 'verified', to_status: 'in_decree', decree_id: enrolment.decree_id,
    }).execute();
    const timeline = await json<FamilyTimeline>(`/api/families/${f1.id}/timeline`, w.dinsosOperator);
    const programEvents = timeline.items.filter((item) => item.source === 'programs');
    expect(programEvents.map((item) => item.title.id).sort()).toEqual([
      'Calon penerima: Modal Usaha B', 'Calon penerima: Paket Usaha A', 'Calon penerima: Sembako 2026', 'Ditetapkan dalam SK: Modal Usaha B',
    ]);
    expect(programEvents.find((item) => item.kind === 'program.decree')?.detail?.id).toBe(`SK ${world.decreeNumber}`);
    expect(programEvents.find((item) => item.kind === 'program.decree')?.link).toBe(`/program/${world.programs.usahaB}`);
  });
});
