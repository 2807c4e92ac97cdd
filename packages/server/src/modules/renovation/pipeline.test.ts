import type { FamilyTimeline, Renovation } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { ALL_CRITERIA_OFF, DONOMULYO_VILLAGE, KEPANJEN_VILLAGE, ok, poorHouseFamily, renovationWorld, scheduledHouse, type RenovationWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('renovation pipeline on %s', (kind) => {
  let w: RenovationWorld;
  beforeAll(async () => {
    w = await renovationWorld(kind);
  });
  afterAll(async () => w.t.close());

  it('proposes from the registry with the registry criteria prefilled, and only one open house per family', async () => {
    const familyId = await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Sumarni');
    const house = await ok(await w.perkimOperator.post('/api/renovations', { familyId, year: 2026, source: 'registry', proposer: 'Skrining registri Disperkim' }), 201);
    expect(house).toMatchObject({ stage: 'proposed', headName: 'Sumarni', kecamatanCode: '35.07.13', villageCode: KEPANJEN_VILLAGE, score: null, progress: 0, fundingTotal: 0, agencyId: w.perkim.id });
    expect(house.registryCriteria).toEqual({ ...ALL_CRITERIA_OFF, roof: true, wall: true, floor: true, crowded: true });
    expect(house.actions).toEqual(['assess', 'reject', 'photo']);
    const again = await w.perkimOperator.post('/api/renovations', { familyId, year: 2027, source: 'village' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'renovation_already_open' });
  });

  it('refuses steps out of order with a clear message in both languages', async () => {
    const familyId = await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Paiman');
    const house = await ok(await w.perkimOperator.post('/api/renovations', { familyId, year: 2026, source: 'village', proposer: 'Pemdes (musdes 3/2026)' }), 201);
    const skip = await w.perkimOperator.post(`/api/renovations/${house.id}/verify`, { version: house.version, verifiedOn: '2026-02-01' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toEqual({ code: 'renovation_transition_invalid', message: 'Tahap bedah rumah tidak dapat diubah: tindakan "verify" tidak berlaku untuk rumah berstatus "proposed".' });
    const complete = await w.perkimOperator.request({ method: 'POST', url: `/api/renovations/${house.id}/complete`, payload: { version: house.version, completedOn: '2026-06-01' }, headers: { 'accept-language': 'en' } });
    expect(complete.json()).toEqual({ code: 'renovation_transition_invalid', message: 'The renovation stage cannot change: the action "complete" does not apply to a house that is "proposed".' });
  });

  it('scores the assessment, refuses to verify a house below the threshold, and checks the version', async () => {
    const familyId = await poorHouseFamily(w.db, DONOMULYO_VILLAGE, 'Tukiyem');
    let house = await ok(await w.perkimOperator.post('/api/renovations', { familyId, year: 2026, source: 'registry' }), 201);
    house = await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/assessment`, {
      version: house.version, criteria: { ...ALL_CRITERIA_OFF, roof: true, sanitation: true, crowded: true }, floorAreaM2: 60, occupants: 3, assessedOn: '2026-02-10',
    }));
    // 60 m² for 3 people is not crowded, whatever the box said: roof 20 + sanitation 10.
    expect(house).toMatchObject({ stage: 'assessed', score: 30, criteria: { ...ALL_CRITERIA_OFF, roof: true, sanitation: true }, floorAreaM2: 60, occupants: 3 });
    const low = await w.perkimOperator.post(`/api/renovations/${house.id}/verify`, { version: house.version, verifiedOn: '2026-02-20' });
    expect(low.statusCode).toBe(409);
    expect(low.json()).toMatchObject({ code: 'renovation_not_rtlh', message: 'Skor RTLH rumah ini 30, di bawah batas 50; rumah tidak dapat diverifikasi untuk bedah rumah.' });
    const stale = await w.perkimOperator.post(`/api/renovations/${house.id}/assessment`, { version: house.version - 1, criteria: ALL_CRITERIA_OFF, assessedOn: '2026-02-11' });
    expect(stale.json()).toMatchObject({ code: 'conflict' });
    house = await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/assessment`, {
      version: house.version, criteria: { ...ALL_CRITERIA_OFF, roof: true, wall: true, floor: true, sanitation: true }, assessedOn: '2026-02-12', note: 'Dinding bambu lapuk.',
    }));
    expect(house.score).toBe(65);
    house = await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/verify`, { version: house.version, verifiedOn: '2026-02-20' }));
    expect(house.stage).toBe('verified');
    expect(house.history.map((change) => [change.fromStage, change.toStage])).toEqual([[null, 'proposed'], ['proposed', 'assessed'], ['assessed', 'assessed'], ['assessed', 'verified']]);
    const rejected = await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/reject`, { version: house.version, reason: 'Lahan bukan milik sendiri (sengketa).', rejectedOn: '2026-03-01' }));
    expect(rejected).toMatchObject({ stage: 'rejected', rejectedReason: 'Lahan bukan milik sendiri (sengketa).', actions: [] });
    // A rejected house no longer blocks a new proposal for the family.
    await ok(await w.perkimOperator.post('/api/renovations', { familyId, year: 2027, source: 'village' }), 201);
  });

  it('sums funding from several sources and partners exactly, refusing it before verification', async () => {
    const familyId = await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Rukayah');
    const proposed = await ok(await w.perkimOperator.post('/api/renovations', { familyId, year: 2026, source: 'registry' }), 201);
    const early = await w.perkimOperator.post(`/api/renovations/${proposed.id}/funding`, { source: 'apbd', form: 'money', value: 1000, contributedOn: '2026-01-05' });
    expect(early.json()).toMatchObject({ code: 'renovation_funding_closed' });
    await w.db.deleteFrom('renovation_stage_change').where('house_id', '=', proposed.id).execute();
    await w.db.deleteFrom('renovation_house').where('id', '=', proposed.id).execute();

    const house = await scheduledHouse(w.perkimOperator, familyId);
    const entries = [
      { source: 'apbd', form: 'money', value: 17_500_000, contributedOn: '2026-03-20', description: 'BSPS bahan bangunan' },
      { source: 'community', partnerId: w.forumId, form: 'materials', value: 3_250_000, contributedOn: '2026-04-02', description: 'Semen 40 sak, genteng' },
      { source: 'community', partnerId: w.forumId, form: 'labour', value: 2_500_000, contributedOn: '2026-04-03', description: 'Gotong royong 10 orang × 5 hari' },
      { source: 'csr', partnerId: w.csrId, form: 'money', value: 5_000_000, contributedOn: '2026-04-05' },
    ];
    let latest: Renovation = house;
    for (const entry of entries) latest = await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/funding`, entry));
    expect(latest.fundingTotal).toBe(28_250_000);
    expect(latest.fundingTotals).toEqual({
      total: 28_250_000,
      bySource: { apbd: 17_500_000, apbn: 0, dana_desa: 0, csr: 5_000_000, community: 5_750_000, other: 0 },
      byForm: { money: 22_500_000, materials: 3_250_000, labour: 2_500_000 },
    });
    expect(latest.funding.map((f) => [f.partnerName, f.form, f.value])).toEqual([
      [null, 'money', 17_500_000],
      ['Paguyuban Sosial Marga Tionghoa Indonesia (PSMTI) Malang', 'materials', 3_250_000],
      ['Paguyuban Sosial Marga Tionghoa Indonesia (PSMTI) Malang', 'labour', 2_500_000],
      ['PT Sinar Tani Nusantara (CSR)', 'money', 5_000_000],
    ]);
    const removed = await ok(await w.perkimOperator.delete(`/api/renovations/${house.id}/funding/${latest.funding[3]!.id}`));
    expect(removed.fundingTotal).toBe(23_250_000);
    const unknownPartner = await w.perkimOperator.post(`/api/renovations/${house.id}/funding`, { source: 'csr', partnerId: '00000000-0000-4000-8000-000000000000', form: 'money', value: 1, contributedOn: '2026-04-05' });
    expect(unknownPartner.json()).toMatchObject({ code: 'validation_failed' });
    const audit = await w.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', 'in', ['renovation_funding']).execute();
    expect(audit.filter((row) => row.action === 'create')).toHaveLength(4);
    expect(audit.filter((row) => row.action === 'delete')).toHaveLength(1);
  });

  it('shows the pipeline on the family timeline', async () => {
    const familyId = await poorHouseFamily(w.db, KEPANJEN_VILLAGE, 'Kasmirah');
    const house = await scheduledHouse(w.perkimOperator, familyId);
    await ok(await w.perkimOperator.post(`/api/renovations/${house.id}/funding`, { source: 'community', partnerId: w.forumId, form: 'labour', value: 2_500_000, contributedOn: '2026-04-03' }));
    const timeline = (await w.dinsosOperator.get(`/api/families/${familyId}/timeline`)).json<FamilyTimeline>();
    const ours = timeline.items.filter((event) => event.source === 'renovation');
    // Proposed today (when it was entered); the other steps on the days the officers gave.
    expect(ours.map((event) => [event.kind, event.at.slice(0, 10)])).toEqual([
      ['renovation.proposed', new Date().toISOString().slice(0, 10)],
      ['renovation.funding', '2026-04-03'],
      ['renovation.scheduled', '2026-04-01'],
      ['renovation.verified', '2026-02-20'],
      ['renovation.assessed', '2026-02-10'],
    ]);
    expect(ours.find((event) => event.kind === 'renovation.funding')?.title.id).toBe('Kontribusi bedah rumah dari Paguyuban Sosial Marga Tionghoa Indonesia (PSMTI) Malang');
    expect(ours.find((event) => event.kind === 'renovation.assessed')?.title.en).toBe('House assessed: RTLH score 80');
    expect(timeline.unavailableSources).toEqual([]);
  });
});
