import type { FamilyPathway, GraduationAssessment, GraduationCriteria, PathwayTransition } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { family, pathwayWorld, step, type PathwayWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('graduation to mandiri on %s', (kind) => {
  let w: PathwayWorld;
  beforeAll(async () => {
    w = await pathwayWorld(kind);
  });
  afterAll(async () => w.t.close());

  /** A family that entered the pathway at desil 3 with a business started on `startedOn`, now at `desil` with `turnover`. */
  async function familyOnPathway(startedOn: string, desil: number, turnover: number) {
    const target = await family(w.db, undefined, { desil: 3, businessStatus: 'active' });
    await step(w.dinsosOperator, target.id, { toStage: 'pemberdayaan', onDate: startedOn, businessStartedOn: startedOn });
    await w.db.updateTable('family').set({ desil_national: desil, business_turnover: turnover }).where('id', '=', target.id).execute();
    return target;
  }

  const assess = async (familyId: string, referenceDate = '2026-03-01') => {
    const response = await w.dinsosOperator.post(`/api/families/${familyId}/pathway/assessments`, { referenceDate, note: 'Kunjungan rumah' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<GraduationAssessment>();
  };

  it('passes a family that meets every default criterion and explains each one', async () => {
    const target = await familyOnPathway('2025-02-10', 5, 2_000_000);
    const assessment = await assess(target.id);
    expect(assessment).toMatchObject({ familyId: target.id, criteriaVersion: 0, referenceDate: '2026-03-01', passed: true, note: 'Kunjungan rumah' });
    expect(assessment.tree.children.map((child) => [child.passed, child.seen])).toEqual([[true, 'active'], [true, 12], [true, 2_000_000], [true, 2]]);
    expect(assessment.tree.text.id).toBe('Semua 4 syarat terpenuhi ✓');
    expect(assessment.tree.children[1]?.text.id).toBe('Lama usaha berjalan 12 bulan ≥ 12 bulan ✓');
  });

  it('fails a family that does not, saying which criteria are not met', async () => {
    const target = await familyOnPathway('2025-06-01', 3, 2_000_000);
    const assessment = await assess(target.id);
    expect(assessment.passed).toBe(false);
    expect(assessment.tree.children.map((child) => [child.passed, child.seen])).toEqual([[true, 'active'], [false, 9], [true, 2_000_000], [false, 0]]);
    expect(assessment.tree.text.en).toBe('2 of 4 conditions not met ✗');
    const pathway = (await w.dinsosOperator.get(`/api/families/${target.id}/pathway`)).json<FamilyPathway>();
    expect(pathway.assessments.map((item) => [item.id, item.passed])).toEqual([[assessment.id, false]]);
  });

  it('declares mandiri only with a passed assessment or an override with a reason, which is audited', async () => {
    const graduate = await familyOnPathway('2025-02-10', 5, 2_000_000);
    const failing = await familyOnPathway('2025-06-01', 3, 2_000_000);
    const passed = await assess(graduate.id);
    const failed = await assess(failing.id);

    expect((await step(w.dinsosOperator, failing.id, { toStage: 'mandiri', onDate: '2026-03-02' }, 409)).json<{ code: string }>().code).toBe('pathway_graduation_required');
    expect((await step(w.dinsosOperator, failing.id, { toStage: 'mandiri', onDate: '2026-03-02', assessmentId: failed.id }, 409)).json<{ code: string }>().code).toBe('pathway_assessment_invalid');
    expect((await step(w.dinsosOperator, failing.id, { toStage: 'mandiri', onDate: '2026-03-02', assessmentId: passed.id }, 409)).json<{ code: string }>().code).toBe('pathway_assessment_invalid');
    expect((await step(w.dinsosOperator, failing.id, { toStage: 'mandiri', onDate: '2026-03-02', overrideReason: 'rakor' }, 400)).json<{ code: string }>().code).toBe('validation_failed');

    const graduated = (await step(w.dinsosOperator, graduate.id, { toStage: 'mandiri', onDate: '2026-03-02', assessmentId: passed.id })).json<PathwayTransition>();
    expect(graduated).toMatchObject({ toStage: 'mandiri', assessmentId: passed.id, overrideReason: null });

    const reason = 'Keputusan rakor 2 Maret 2026: usaha stabil, desil belum diperbarui DTSEN.';
    const overridden = (await step(w.dinsosOperator, failing.id, { toStage: 'mandiri', onDate: '2026-03-02', overrideReason: reason })).json<PathwayTransition>();
    expect(overridden).toMatchObject({ toStage: 'mandiri', assessmentId: null, overrideReason: reason });
    const audit = await w.db.selectFrom('audit_log').select(['username', 'details']).where('entity', '=', 'pathway_transition').where('entity_id', '=', overridden.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ familyId: failing.id, from: 'pemberdayaan', to: 'mandiri', override: true, overrideReason: reason });

    const timeline = (await w.dinsosOperator.get(`/api/families/${failing.id}/timeline`)).json<{ items: { kind: string; detail?: { id: string } }[] }>();
    expect(timeline.items.find((event) => event.kind === 'pathway.graduated')?.detail?.id).toBe(`Pengecualian: ${reason}`);
    expect(timeline.items.filter((event) => event.kind === 'pathway.assessment')).toHaveLength(1);
  });

  it('lets the administrator set criteria in the eligibility rule language, versioned, and assessments use them', async () => {
    const initial = (await w.pimpinan.get('/api/pathways/graduation-criteria')).json<GraduationCriteria>();
    expect(initial.version).toBe(0);
    expect(initial.text.id).toContain('Lama usaha berjalan');
    const rule = { version: 1, condition: { kind: 'all', conditions: [
      { kind: 'compare', field: 'businessMonths', op: '>=', value: 6 },
      { kind: 'compare', field: 'desilRise', op: '>=', value: 0 },
    ] } };
    expect((await w.dinsosOperator.put('/api/pathways/graduation-criteria', { rule })).statusCode).toBe(403);
    const invalid = await w.admin.put('/api/pathways/graduation-criteria', { rule: { version: 1, condition: { kind: 'compare', field: 'businessYears', op: '>=', value: 1 } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ code: string }>().code).toBe('invalid_rule');
    const saved = await w.admin.put('/api/pathways/graduation-criteria', { rule, note: 'Perbup 12/2026', basedOnVersion: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<GraduationCriteria>()).toMatchObject({ version: 1, rule, note: 'Perbup 12/2026' });
    // A second editor who opened version 0 cannot overwrite version 1 unseen.
    const stale = await w.admin.put('/api/pathways/graduation-criteria', { rule: initial.rule, basedOnVersion: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('conflict');
    expect((await w.pimpinan.get('/api/pathways/graduation-criteria')).json<GraduationCriteria>().version).toBe(1);

    const target = await familyOnPathway('2025-06-01', 3, 0);
    const assessment = await assess(target.id);
    expect(assessment).toMatchObject({ criteriaVersion: 1, passed: true });
    expect(assessment.tree.children.map((child) => child.seen)).toEqual([9, 0]);
  });
});
