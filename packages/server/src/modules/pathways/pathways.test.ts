import type { FamilyPathway, FamilyTimeline, PathwayTransition } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { DONOMULYO_VILLAGE, enrol, family, pathwayWorld, program, step, type PathwayWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('family pathway steps and evidence on %s', (kind) => {
  let w: PathwayWorld;
  let pkh: string;
  let businessPackage: string;
  let capital: string;
  beforeAll(async () => {
    w = await pathwayWorld(kind);
    pkh = await program(w.db, w.dinsos.id, 'conditional_cash', 'lower_spending', 'PKH 2026');
    businessPackage = await program(w.db, w.dinsos.id, 'business_package', 'raise_income', 'Bantuan Paket Usaha 2026');
    capital = await program(w.db, w.disperindagkop.id, 'mentoring', 'raise_income', 'Akses Modal dan Pemasaran UMKM 2026');
  });
  afterAll(async () => w.t.close());

  const pathwayOf = async (familyId: string) => {
    const response = await w.dinsosOperator.get(`/api/families/${familyId}/pathway`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<FamilyPathway>();
  };

  it('suggests the furthest stage the received programs point at, never counting a mere candidate', async () => {
    const target = await family(w.db);
    const pkhEnrolment = await enrol(w.db, pkh, target, '2026-01-10');
    const packageEnrolment = await enrol(w.db, businessPackage, target, '2026-02-15');
    await enrol(w.db, capital, target, null, 'candidate');
    const pathway = await pathwayOf(target.id);
    expect(pathway.stage).toBeNull();
    expect(pathway.evidence.map((item) => [item.kind, item.id, item.label, item.stage, item.agency?.id, item.date])).toEqual([
      ['enrolment', pkhEnrolment, 'PKH 2026', 'bantuan', w.dinsos.id, '2026-01-10'],
      ['enrolment', packageEnrolment, 'Bantuan Paket Usaha 2026', 'pemberdayaan', w.dinsos.id, '2026-02-15'],
    ]);
    expect(pathway.suggestion?.stage).toBe('pemberdayaan');
    expect(pathway.suggestion?.evidence.map((item) => item.id)).toEqual([packageEnrolment]);
  });

  it('records confirmed steps with date, operator, agency and evidence, and keeps the business start and baseline desil', async () => {
    const target = await family(w.db, undefined, { desil: 2 });
    const pkhEnrolment = await enrol(w.db, pkh, target, '2026-01-10');
    const packageEnrolment = await enrol(w.db, businessPackage, target, '2026-02-15');
    const capitalEnrolment = await enrol(w.db, capital, target, '2026-05-20');
    await step(w.dinsosOperator, target.id, { toStage: 'bantuan', onDate: '2026-01-10', evidence: [{ kind: 'enrolment', id: pkhEnrolment, label: 'x' }] });
    await step(w.dinsosOperator, target.id, { toStage: 'pemberdayaan', onDate: '2026-02-15', evidence: [{ kind: 'enrolment', id: packageEnrolment, label: 'x' }], version: 1 });
    const third = await step(w.koperasiOperator, target.id, {
      toStage: 'pengembangan', onDate: '2026-05-20', version: 2,
      evidence: [{ kind: 'enrolment', id: capitalEnrolment, label: 'x' }, { kind: 'other', id: 'rakor-42', label: 'Rakor Mei: lanjut ke Disperindagkop' }],
    });
    expect(third.json<PathwayTransition>()).toMatchObject({
      fromStage: 'pemberdayaan', toStage: 'pengembangan', onDate: '2026-05-20', agency: { id: w.disperindagkop.id },
      evidence: [{ kind: 'enrolment', id: capitalEnrolment, label: 'Akses Modal dan Pemasaran UMKM 2026' }, { kind: 'other', id: 'rakor-42', label: 'Rakor Mei: lanjut ke Disperindagkop' }],
    });
    const pathway = await pathwayOf(target.id);
    expect(pathway).toMatchObject({ stage: 'pengembangan', stageSince: '2026-05-20', agency: { id: w.disperindagkop.id }, baselineDesil: 2, businessStartedOn: '2026-02-15', version: 3, suggestion: null });
    expect(pathway.transitions.map((t) => [t.fromStage, t.toStage, t.onDate, t.agency?.id, t.actor.username !== null])).toEqual([
      [null, 'bantuan', '2026-01-10', w.dinsos.id, true],
      ['bantuan', 'pemberdayaan', '2026-02-15', w.dinsos.id, true],
      ['pemberdayaan', 'pengembangan', '2026-05-20', w.disperindagkop.id, true],
    ]);

    const timeline = (await w.dinsosOperator.get(`/api/families/${target.id}/timeline`)).json<FamilyTimeline>();
    const steps = timeline.items.filter((event) => event.source === 'pathways');
    expect(steps.map((event) => [event.kind, event.at.slice(0, 10), event.title.id])).toEqual([
      ['pathway.stage', '2026-05-20', `Jalan keluar: tahap Pengembangan (${w.disperindagkop.shortName})`],
      ['pathway.stage', '2026-02-15', `Jalan keluar: tahap Pemberdayaan (${w.dinsos.shortName})`],
      ['pathway.stage', '2026-01-10', `Jalan keluar: tahap Bantuan (${w.dinsos.shortName})`],
    ]);
    expect(steps[0]?.detail?.id).toBe('Akses Modal dan Pemasaran UMKM 2026; Rakor Mei: lanjut ke Disperindagkop');
  });

  it('refuses another family’s enrolment, the same stage, a step back without a note, a stale version and a date before the last step', async () => {
    const target = await family(w.db);
    const other = await family(w.db);
    const othersEnrolment = await enrol(w.db, businessPackage, other, '2026-02-01');
    const refused = await step(w.dinsosOperator, target.id, { toStage: 'pemberdayaan', onDate: '2026-02-01', evidence: [{ kind: 'enrolment', id: othersEnrolment, label: 'Paket' }] }, 400);
    expect(refused.json()).toMatchObject({ code: 'pathway_evidence_unknown', message: 'Bukti "Paket" tidak ditemukan pada keluarga ini.' });
    await step(w.dinsosOperator, target.id, { toStage: 'pemberdayaan', onDate: '2026-02-01' });
    expect((await step(w.dinsosOperator, target.id, { toStage: 'pemberdayaan', onDate: '2026-02-02' }, 409)).json<{ code: string }>().code).toBe('pathway_same_stage');
    expect((await step(w.dinsosOperator, target.id, { toStage: 'bantuan', onDate: '2026-03-01' }, 400)).json<{ code: string }>().code).toBe('pathway_note_required');
    expect((await step(w.dinsosOperator, target.id, { toStage: 'pengembangan', onDate: '2026-03-01', version: 7 }, 409)).json<{ code: string }>().code).toBe('conflict');
    expect((await step(w.dinsosOperator, target.id, { toStage: 'pengembangan', onDate: '2026-01-31' }, 400)).json<{ code: string }>().code).toBe('pathway_date_invalid');
    await step(w.dinsosOperator, target.id, { toStage: 'bantuan', onDate: '2026-03-01', note: 'Usaha terhenti karena sakit; kembali menerima bantuan.' });
    expect((await pathwayOf(target.id)).stage).toBe('bantuan');
  });

  it('keeps families outside a user’s region and roles without the right out', async () => {
    const inDonomulyo = await family(w.db, DONOMULYO_VILLAGE);
    expect((await w.kepanjenOperator.get(`/api/families/${inDonomulyo.id}/pathway`)).statusCode).toBe(403);
    expect((await step(w.kepanjenOperator, inDonomulyo.id, { toStage: 'bantuan', onDate: '2026-01-05' }, 403)).json<{ code: string }>().code).toBe('out_of_scope');
    expect((await step(w.pimpinan, inDonomulyo.id, { toStage: 'bantuan', onDate: '2026-01-05' }, 403)).json<{ code: string }>().code).toBe('forbidden');
    expect((await step(w.pendamping, inDonomulyo.id, { toStage: 'bantuan', onDate: '2026-01-05' }, 403)).json<{ code: string }>().code).toBe('forbidden');
    expect((await w.pimpinan.get(`/api/families/${inDonomulyo.id}/pathway`)).statusCode).toBe(200);
    const audit = await w.db.selectFrom('audit_log').select('details').where('entity_id', '=', inDonomulyo.id).where('action', '=', 'view').execute();
    expect(audit.map((row) => row.details)).toEqual([{ section: 'pathway' }]);
  });
});
