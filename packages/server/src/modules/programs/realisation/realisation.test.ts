import type { Handover, Page, Realisation, Stage } from '@sinergi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { addStage, distributionWorld, handOver, type DistributionWorld } from '../distribution/test-world.ts';
import { DONOMULYO, KEPANJEN } from '../test-kit.ts';

/**
 * Recorded: tahap 1 (cash Rp500.000) to K1 (2 people), K2 (2 people; Rp450.000, corrected to Rp480.000) and D1 (1
 * person); the in-kind package (2 × Rp150.000 + Rp45.000 = Rp345.000) to K1 only. Decreed: K1, K2 (Kepanjen), D1
 * (Donomulyo). Quotas: Kepanjen 3, Donomulyo 2; program target 4 families.
 */
describe.each(testDatabaseKinds)('realisation on %s', (kind) => {
  let w: DistributionWorld;
  let cash: Stage;
  let sembako: Stage;
  const realisation = async (client = w.dinsosOperator, query = '') => {
    const response = await client.get(w.url(`/realisation${query}`));
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Realisation>();
  };

  beforeAll(async () => {
    w = await distributionWorld(kind);
    cash = await addStage(w, { name: 'Tahap 1', kind: 'cash', amountPerFamily: 500_000, plannedFrom: '2026-04-01', plannedTo: '2026-04-30' });
    sembako = await addStage(w, {
      name: 'Paket sembako', kind: 'in_kind',
      items: [{ name: 'Beras 10 kg', quantity: 2, unit: 'karung', unitValue: 150_000 }, { name: 'Minyak goreng', quantity: 1, unit: 'liter', unitValue: 45_000 }],
    });
    await handOver(w.dinsosOperator, w, { enrolmentId: w.enrolment.K1.id, stageId: cash.id });
    const k2 = await handOver(w.kepanjenPendamping, w, { enrolmentId: w.enrolment.K2.id, stageId: cash.id, amount: 450_000 });
    await handOver(w.donomulyoOperator, w, { enrolmentId: w.enrolment.D1.id, stageId: cash.id });
    await handOver(w.kepanjenOperator, w, { enrolmentId: w.enrolment.K1.id, stageId: sembako.id, handedOn: '2026-05-05' });
    const corrected = await w.dinsosOperator.post(w.url(`/handovers/${k2.id}/corrections`), { amount: 480_000, reason: 'Salah ketik nominal', revision: 1 });
    expect(corrected.statusCode, corrected.body).toBe(200);
  });
  afterAll(async () => w.t.close());

  it('sums exactly what was recorded, in total, per kecamatan and per stage', async () => {
    const r = await realisation();
    expect(r).toMatchObject({ scope: 'all', stageId: null, decreed: 3 });
    expect(r.target).toEqual({ families: 4, people: null, money: null, units: null });
    expect(r.realised).toEqual({ families: 3, people: 5, money: 1_825_000, units: 1 });
    expect(r.byKecamatan).toEqual([
      { kecamatanCode: DONOMULYO, kecamatanName: 'Donomulyo', target: { families: 2, people: null, money: null, units: null }, decreed: 1, realised: { families: 1, people: 1, money: 500_000, units: 0 } },
      { kecamatanCode: KEPANJEN, kecamatanName: 'Kepanjen', target: { families: 3, people: null, money: null, units: null }, decreed: 2, realised: { families: 2, people: 4, money: 1_325_000, units: 1 } },
    ]);
    expect(r).toMatchObject({ area: { code: '35.07', level: 2 }, parents: [], byAreaLevel: 3 });
    expect(r.byArea).toEqual(r.byKecamatan.map(({ kecamatanCode, kecamatanName, ...rest }) => ({ code: kecamatanCode, name: kecamatanName, ...rest })));
    expect(r.byStage.map((s) => [s.number, s.target, s.realised])).toEqual([
      [1, { families: 3, people: null, money: 1_500_000, units: null }, { families: 3, people: 5, money: 1_480_000, units: 0 }],
      [2, { families: 3, people: null, money: 1_035_000, units: 3 }, { families: 1, people: 2, money: 345_000, units: 1 }],
    ]);
  });

  it('agrees with the hand-overs as listed and as stored', async () => {
    const r = await realisation();
    const listed = (await w.dinsosOperator.get(w.url('/handovers?pageSize=200'))).json<Page<Handover>>();
    expect(listed.total).toBe(4);
    expect(listed.items.reduce((sum, h) => sum + h.amount, 0)).toBe(r.realised.money);
    expect(new Set(listed.items.map((h) => h.enrolmentId)).size).toBe(r.realised.families);
    const stored = await sql<{ money: number; families: number }>`
      SELECT sum(amount)::bigint AS money, count(DISTINCT enrolment_id)::int AS families FROM distribution_handover WHERE program_id = ${w.program.id}::uuid`.execute(w.db);
    expect(stored.rows[0]).toEqual({ money: r.realised.money, families: r.realised.families });
  });

  it('limits kecamatan rows and totals to one stage when asked', async () => {
    const r = await realisation(w.dinsosOperator, `?stageId=${sembako.id}`);
    expect(r.target).toEqual({ families: 3, people: null, money: 1_035_000, units: 3 });
    expect(r.realised).toEqual({ families: 1, people: 2, money: 345_000, units: 1 });
    expect(r.byKecamatan.map((k) => [k.kecamatanName, k.target.money, k.realised.money])).toEqual([['Donomulyo', 345_000, 0], ['Kepanjen', 690_000, 345_000]]);
    expect((await w.dinsosOperator.get(w.url(`/realisation?stageId=${w.program.id}`))).statusCode).toBe(404);
  });

  it('shows a kecamatan-scoped user his kecamatan only, against its quota', async () => {
    const r = await realisation(w.kepanjenOperator);
    expect(r).toMatchObject({ scope: 'limited', decreed: 2 });
    expect(r.target).toEqual({ families: 3, people: null, money: null, units: null });
    expect(r.realised).toEqual({ families: 2, people: 4, money: 1_325_000, units: 1 });
    expect(r.byKecamatan.map((k) => k.kecamatanCode)).toEqual([KEPANJEN]);
    expect(r.byStage.map((s) => s.realised.money)).toEqual([980_000, 345_000]);
  });
});
