import type { EnrolmentChange, FamilyTimeline, Handover, HandoverHistory, Stage } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { addStage, clientKey, distributionWorld, handOver, type DistributionWorld } from './test-world.ts';

describe.each(testDatabaseKinds)('hand-overs on %s', (kind) => {
  let w: DistributionWorld;
  let cash: Stage;
  let packageStage: Stage;

  beforeAll(async () => {
    w = await distributionWorld(kind);
    cash = await addStage(w, { name: 'Tahap 1', kind: 'cash', amountPerFamily: 500_000, plannedFrom: '2026-04-01', plannedTo: '2026-04-30' });
    packageStage = await addStage(w, {
      name: 'Paket usaha', kind: 'in_kind', items: [{ name: 'Kompor gas', quantity: 1, unit: 'unit', unitValue: 750_000 }, { name: 'Bahan baku', quantity: 2, unit: 'paket', unitValue: 100_000 }],
    });
  });
  afterAll(async () => w.t.close());

  it('plans stages for the owner agency only, with clear errors for an incomplete stage', async () => {
    expect(cash).toMatchObject({ number: 1, valuePerFamily: 500_000, handovers: 0 });
    expect(packageStage).toMatchObject({ number: 2, kind: 'in_kind', valuePerFamily: 950_000 });
    expect((await w.disnakerOperator.post(w.url('/stages'), { name: 'Tahap lain', kind: 'cash', amountPerFamily: 1 })).json()).toMatchObject({ code: 'program_other_agency' });
    expect((await w.kepanjenPendamping.post(w.url('/stages'), { name: 'Tahap lain', kind: 'cash', amountPerFamily: 1 })).json()).toMatchObject({ code: 'forbidden' });
    const incomplete = await w.dinsosOperator.post(w.url('/stages'), { name: 'Tahap 3', kind: 'cash' });
    expect(incomplete.statusCode).toBe(400);
    expect(JSON.stringify(incomplete.json())).toContain('tahap tunai perlu nilai per keluarga');
  });

  it('records a hand-over once: a retry with the same key returns the first result, a second one of the same stage is refused', async () => {
    const key = clientKey();
    const body = { clientKey: key, enrolmentId: w.enrolment.K1.id, stageId: cash.id, handedOn: '2026-04-10', gps: { latitude: -8.13, longitude: 112.57, accuracyM: 12 }, note: 'Diterima kepala keluarga' };
    const first = await w.dinsosOperator.post(w.url('/handovers'), body);
    expect(first.statusCode, first.body).toBe(201);
    const handover = first.json<Handover>();
    expect(handover).toMatchObject({ amount: 500_000, people: 2, revision: 1, stageNumber: 1, gps: { latitude: -8.13, longitude: 112.57, accuracyM: 12 } });

    const [again, racing] = await Promise.all([w.dinsosOperator.post(w.url('/handovers'), body), w.dinsosOperator.post(w.url('/handovers'), body)]);
    expect([again.statusCode, racing.statusCode]).toEqual([200, 200]);
    expect([again.json<Handover>().id, racing.json<Handover>().id]).toEqual([handover.id, handover.id]);

    const second = await w.dinsosOperator.post(w.url('/handovers'), { ...body, clientKey: clientKey() });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'handover_exists', message: expect.stringContaining('2026-04-10') as string });
    const reused = await w.dinsosOperator.post(w.url('/handovers'), { ...body, enrolmentId: w.enrolment.K2.id });
    expect(reused.json()).toMatchObject({ code: 'handover_key_reused' });

    const rows = await w.db.selectFrom('distribution_handover').select('id').where('enrolment_id', '=', w.enrolment.K1.id).execute();
    expect(rows.map((row) => row.id)).toEqual([handover.id]);
    const enrolment = await w.db.selectFrom('program_enrolment').select(['status', 'received_on']).where('id', '=', w.enrolment.K1.id).executeTakeFirstOrThrow();
    expect(enrolment).toEqual({ status: 'served', received_on: '2026-04-10' });
    const history = (await w.dinsosOperator.get(w.url(`/enrolments/${w.enrolment.K1.id}/history`))).json<EnrolmentChange[]>();
    expect(history.filter((change) => change.action === 'serve').map((c) => [c.fromStatus, c.toStatus, c.fieldDate])).toEqual([['in_decree', 'served', '2026-04-10']]);

    // The next stage to a served family leaves it served; the package's worth is the items' worth.
    const next = await handOver(w.dinsosOperator, w, { enrolmentId: w.enrolment.K1.id, stageId: packageStage.id, handedOn: '2026-05-02' });
    expect(next).toMatchObject({ amount: 950_000, items: packageStage.items });
    const audit = await w.db.selectFrom('audit_log').select('action').where('entity', '=', 'distribution_handover').where('entity_id', '=', handover.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const timeline = (await w.dinsosOperator.get(`/api/families/${w.enrolment.K1.familyId}/timeline`)).json<FamilyTimeline>();
    expect(timeline.items.filter((e) => e.source === 'distribution').map((e) => [e.at.slice(0, 10), e.title.id, e.detail?.id])).toEqual([
      ['2026-05-02', `Menerima Paket usaha: ${w.program.name}`, 'Barang senilai Rp950.000'],
      ['2026-04-10', `Menerima Tahap 1: ${w.program.name}`, 'Uang Rp500.000'],
    ]);
  });

  it('lets only the owner agency record, each user within his scope, and only for decreed families', async () => {
    const body = (name: 'K2' | 'K3' | 'D1') => ({ clientKey: clientKey(), enrolmentId: w.enrolment[name].id, stageId: cash.id, handedOn: '2026-04-11' });
    expect((await w.disnakerOperator.post(w.url('/handovers'), body('K2'))).json()).toMatchObject({ code: 'program_other_agency' });
    expect((await w.disnakerPendamping.post(w.url('/handovers'), body('K2'))).json()).toMatchObject({ code: 'program_other_agency' });
    expect((await w.pimpinan.post(w.url('/handovers'), body('K2'))).json()).toMatchObject({ code: 'forbidden' });
    const outside = await w.kepanjenOperator.post(w.url('/handovers'), body('D1'));
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'out_of_scope' });
    expect((await w.kepanjenPendamping.post(w.url('/handovers'), body('D1'))).json()).toMatchObject({ code: 'out_of_scope' });
    expect((await w.kepanjenOperator.post(w.url('/handovers'), body('K3'))).json()).toMatchObject({ code: 'handover_not_decreed' });
    const inScope = await w.kepanjenPendamping.post(w.url('/handovers'), body('K2'));
    expect(inScope.statusCode, inScope.body).toBe(201);
    expect((await w.donomulyoOperator.post(w.url('/handovers'), body('D1'))).statusCode).toBe(201);

    const seen = (await w.kepanjenOperator.get(w.url('/handovers?pageSize=50'))).json<{ items: Handover[]; total: number }>();
    expect(seen.items.every((h) => h.kecamatanCode === '35.07.13')).toBe(true);
    expect(seen.total).toBe(3);
    expect((await w.kepanjenOperator.get(w.url(`/handovers/${(await w.donomulyoOperator.get(w.url('/handovers'))).json<{ items: Handover[] }>().items[0]!.id}`))).statusCode).toBe(403);
  });

  it('keeps a stage’s kind and value once something was handed over in it, but lets its name and dates change', async () => {
    const current = (await w.dinsosOperator.get(w.url('/stages'))).json<Stage[]>().find((s) => s.id === cash.id)!;
    const change = (body: object) => w.dinsosOperator.patch(w.url(`/stages/${cash.id}`), { name: current.name, kind: 'cash', amountPerFamily: 500_000, version: current.version, ...body });
    const value = await change({ amountPerFamily: 600_000 });
    expect(value.statusCode).toBe(409);
    expect(value.json()).toMatchObject({ code: 'stage_has_handovers', message: expect.stringContaining(String(current.handovers)) as string });
    const renamed = await change({ name: 'Tahap 1 (April)', plannedTo: '2026-05-15' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<Stage>()).toMatchObject({ name: 'Tahap 1 (April)', plannedTo: '2026-05-15', valuePerFamily: 500_000, version: current.version + 1 });
    expect((await change({ name: 'Tahap 1 lagi' })).json()).toMatchObject({ code: 'conflict' });
  });

  it('keeps every revision of a corrected hand-over, with reason, author and time', async () => {
    const handover = await handOver(w.dinsosOperator, w, { enrolmentId: w.enrolment.K2.id, stageId: packageStage.id, handedOn: '2026-05-03' });
    const correction = { amount: 900_000, note: 'Kompor diganti merek lain', reason: 'Harga kompor pada nota Rp700.000', revision: 1 };
    expect((await w.kepanjenPendamping.post(w.url(`/handovers/${handover.id}/corrections`), correction)).json()).toMatchObject({ code: 'forbidden' });
    expect((await w.disnakerOperator.post(w.url(`/handovers/${handover.id}/corrections`), correction)).json()).toMatchObject({ code: 'program_other_agency' });
    expect((await w.donomulyoOperator.post(w.url(`/handovers/${handover.id}/corrections`), correction)).json()).toMatchObject({ code: 'out_of_scope' });
    const corrected = await w.kepanjenOperator.post(w.url(`/handovers/${handover.id}/corrections`), correction);
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json<Handover>()).toMatchObject({ amount: 900_000, revision: 2, note: 'Kompor diganti merek lain' });
    const stale = await w.dinsosOperator.post(w.url(`/handovers/${handover.id}/corrections`), { ...correction, amount: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'handover_revision_stale' });
    const redated = await w.dinsosOperator.post(w.url(`/handovers/${handover.id}/corrections`), { handedOn: '2026-05-01', reason: 'Tanggal pada berita acara 1 Mei', revision: 2 });
    expect(redated.statusCode, redated.body).toBe(200);

    const history = (await w.dinsosOperator.get(w.url(`/handovers/${handover.id}/history`))).json<HandoverHistory>();
    expect(history.revisions.map((r) => [r.revision, r.handedOn, r.amount, r.reason])).toEqual([
      [1, '2026-05-03', 950_000, null],
      [2, '2026-05-03', 900_000, 'Harga kompor pada nota Rp700.000'],
      [3, '2026-05-01', 900_000, 'Tanggal pada berita acara 1 Mei'],
    ]);
    expect(history.revisions[1]!.user).toContain('operator.');
    expect(history.revisions[0]!.note).toBeNull();
    // K2 was first served in cash stage on 2026-04-11; the corrected package date is later, so that day stays.
    const enrolment = await w.db.selectFrom('program_enrolment').select('received_on').where('id', '=', w.enrolment.K2.id).executeTakeFirstOrThrow();
    expect(enrolment.received_on).toBe('2026-04-11');
  });
});
