import type { Page, TrainingCandidate, TrainingCohort, TrainingCohortListItem, TrainingCourse, TrainingParticipant, TrainingParticipantList } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import type { TestClient } from '../../../test/app.ts';
import { addParticipant, createCohort, createCourse, DONOMULYO_VILLAGE, KEPANJEN_VILLAGE, makePerson, trainingWorld, type TrainingWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('training courses, cohorts and participants on %s', (kind) => {
  let world: TrainingWorld;
  let course: TrainingCourse;
  beforeAll(async () => {
    world = await trainingWorld(kind);
    course = await createCourse(world);
  });
  afterAll(async () => world.t.close());

  it('creates a course of the operator’s agency with its LPK; others read it but may not change it', async () => {
    expect(course).toMatchObject({ skill: 'sewing', agencyId: world.disnaker.id, lpkName: 'LPK Terampil Mandiri', minAttendancePercent: 80, canManage: true });
    const asDinsos = await world.dinsosOperator.get(`/api/training/courses/${course.id}`);
    expect(asDinsos.json<TrainingCourse>().canManage).toBe(false);
    const change = await world.dinsosOperator.put(`/api/training/courses/${course.id}`, { name: 'Diubah', skill: 'sewing' });
    expect(change.statusCode).toBe(403);
    expect(change.json<{ code: string }>().code).toBe('training_other_agency');
    const forOther = await world.dinsosOperator.post('/api/training/courses', { name: 'Bordir', skill: 'embroidery', agencyId: world.disnaker.id });
    expect(forOther.statusCode).toBe(403);
    const byAdmin = await world.admin.post('/api/training/courses', { name: 'Pengolahan Keripik', skill: 'food_processing', agencyId: world.disnaker.id });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json<TrainingCourse>().agencyShortName).toBe(world.disnaker.shortName);
    expect((await world.pimpinan.post('/api/training/courses', { name: 'Kemasan', skill: 'packaging' })).statusCode).toBe(403);
  });

  it('refuses a partner of the wrong type as the LPK', async () => {
    const response = await world.disnakerOperator.post('/api/training/courses', { name: 'Bordir Lanjut', skill: 'embroidery', lpkPartnerId: world.prisonId });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string; message: string }>()).toMatchObject({ code: 'training_partner_type', message: 'Mitra Lapas Perempuan Malang bukan LPK.' });
  });

  it('plans one session per working day unless sessions are given, and keeps them inside the period', async () => {
    const cohort = await createCohort(world, course.id, { startDate: '2026-03-02', endDate: '2026-03-13' });
    expect(cohort.sessions.map((s) => s.date)).toEqual([
      '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13',
    ]);
    const outside = await world.disnakerOperator.post('/api/training/cohorts', {
      courseId: course.id, name: 'Angkatan Salah', placeKind: 'lpk', placeName: 'Gedung LPK', startDate: '2026-04-01', endDate: '2026-04-10', seats: 10,
      sessions: [{ date: '2026-04-11' }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ message: string }>().message).toBe('Tanggal sesi 2026-04-11 di luar masa angkatan (2026-04-01 s.d. 2026-04-10).');
    const added = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/sessions`, { date: '2026-03-07', topic: 'Praktik Sabtu' });
    expect(added.statusCode).toBe(201);
    expect(added.json<TrainingCohort>().sessions).toHaveLength(11);
    const list = await world.pimpinan.get(`/api/training/cohorts?courseId=${course.id}`);
    expect(list.json<Page<TrainingCohortListItem>>().items.map((c) => c.id)).toContain(cohort.id);
  });

  it('prison cohorts are hosted by a prison partner', async () => {
    const wrong = await world.disnakerOperator.post('/api/training/cohorts', {
      courseId: course.id, name: 'Angkatan Lapas', placeKind: 'prison', placeName: 'Lapas Perempuan', placePartnerId: world.lpkId, startDate: '2026-05-04',
      endDate: '2026-05-08', seats: 10,
    });
    expect(wrong.json<{ code: string }>().code).toBe('training_partner_type');
    const right = await createCohort(world, course.id, { name: 'Angkatan Lapas', placeKind: 'prison', placeName: 'Lapas Perempuan', placePartnerId: world.prisonId });
    expect(right).toMatchObject({ placeKind: 'prison', placePartnerName: 'Lapas Perempuan Malang' });
  });

  it('enforces seats with a clear error; a withdrawal frees a seat; nobody joins twice', async () => {
    const cohort = await createCohort(world, course.id, { name: 'Angkatan Kecil', seats: 2 });
    const [a, b, c] = [
      await makePerson(world, 'SITI AMINAH', KEPANJEN_VILLAGE), await makePerson(world, 'SRI WAHYUNI', KEPANJEN_VILLAGE), await makePerson(world, 'TUTIK HANDAYANI', KEPANJEN_VILLAGE),
    ];
    await addParticipant(world.disnakerOperator, cohort.id, a.id);
    const second = await addParticipant(world.disnakerOperator, cohort.id, b.id);
    const full = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/participants`, { memberId: c.id });
    expect(full.statusCode).toBe(409);
    expect(full.json<{ code: string; message: string }>()).toMatchObject({
      code: 'training_cohort_full', message: 'Kuota kursi angkatan ini sudah penuh (2 peserta). Tambah kursi atau keluarkan peserta yang mengundurkan diri.',
    });
    const again = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/participants`, { memberId: a.id });
    expect(again.json<{ code: string }>().code).toBe('training_participant_duplicate');
    expect((await world.disnakerOperator.patch(`/api/training/cohorts/${cohort.id}/participants/${second.id}`, { withdrawn: true })).statusCode).toBe(200);
    const third = await addParticipant(world.disnakerOperator, cohort.id, c.id);
    const back = await world.disnakerOperator.patch(`/api/training/cohorts/${cohort.id}/participants/${second.id}`, { withdrawn: false });
    expect(back.json<{ code: string }>().code).toBe('training_cohort_full');
    const shrink = await world.disnakerOperator.put(`/api/training/cohorts/${cohort.id}`, {
      name: 'Angkatan Kecil', placeKind: 'lpk', placeName: 'Gedung LPK', startDate: '2025-01-06', endDate: '2025-01-31', seats: 1, version: cohort.version,
    });
    expect(shrink.json<{ code: string }>().code).toBe('training_seats_below_participants');
    expect((await world.dinsosOperator.post(`/api/training/cohorts/${cohort.id}/participants`, { memberId: c.id })).statusCode).toBe(403);
    const removed = await world.disnakerOperator.delete(`/api/training/cohorts/${cohort.id}/participants/${third.id}`);
    expect(removed.statusCode).toBe(204);
  });

  it('finds candidates by group and records the target group worked out from the registry', async () => {
    const cohort = await createCohort(world, course.id, { name: 'Angkatan Kelompok' });
    const inmate = await makePerson(world, 'RATNA INMATE', DONOMULYO_VILLAGE, { inmate: true, disability: true });
    const disabled = await makePerson(world, 'RATNA DISABLED', DONOMULYO_VILLAGE, { disability: true, businessFamily: true });
    const business = await makePerson(world, 'RATNA BUSINESS', DONOMULYO_VILLAGE, { businessFamily: true });
    const plain = await makePerson(world, 'RATNA PLAIN', DONOMULYO_VILLAGE);
    const search = async (query: string) => (await world.disnakerOperator.get(`/api/training/cohorts/${cohort.id}/candidates?${query}`)).json<TrainingCandidate[]>();
    expect((await search('q=ratna')).map((c) => [c.name, c.groups, c.suggestedGroup])).toEqual([
      ['RATNA BUSINESS', ['business_family'], 'business_family'],
      ['RATNA DISABLED', ['disability', 'business_family'], 'disability'],
      ['RATNA INMATE', ['inmate', 'disability'], 'inmate'],
      ['RATNA PLAIN', [], 'other'],
    ]);
    expect((await search('q=ratna&group=business_family')).map((c) => c.name)).toEqual(['RATNA BUSINESS', 'RATNA DISABLED']);
    expect((await search(`q=${inmate.nik}`)).map((c) => [c.name, c.nik])).toEqual([['RATNA INMATE', `${inmate.nik.slice(0, 4)}********${inmate.nik.slice(-4)}`]]);
    const groups = [];
    for (const person of [inmate, disabled, business, plain]) groups.push((await addParticipant(world.disnakerOperator, cohort.id, person.id)).targetGroup);
    expect(groups).toEqual(['inmate', 'disability', 'business_family', 'other']);
    expect((await search('q=ratna&group=inmate'))[0]?.enrolled).toBe(true);

    // Prison inmate and disability are specific personal data: a leader sees the participants but not those groups.
    const groupsSeenBy = async (client: TestClient) =>
      (await client.get(`/api/training/cohorts/${cohort.id}/participants`)).json<TrainingParticipantList>().items.map((p) => [p.name, p.targetGroup]);
    expect(await groupsSeenBy(world.pimpinan)).toEqual([
      ['RATNA BUSINESS', 'business_family'], ['RATNA DISABLED', null], ['RATNA INMATE', null], ['RATNA PLAIN', 'other'],
    ]);
    expect(await groupsSeenBy(world.disnakerOperator)).toEqual([
      ['RATNA BUSINESS', 'business_family'], ['RATNA DISABLED', 'disability'], ['RATNA INMATE', 'inmate'], ['RATNA PLAIN', 'other'],
    ]);
  });

  it('lists only the participants in the user’s region scope, and refuses people outside it', async () => {
    const cohort = await createCohort(world, course.id, { name: 'Angkatan Wilayah' });
    const near = await makePerson(world, 'ANI KEPANJEN', KEPANJEN_VILLAGE);
    const far = await makePerson(world, 'ANI DONOMULYO', DONOMULYO_VILLAGE);
    await addParticipant(world.disnakerOperator, cohort.id, near.id);
    await addParticipant(world.disnakerOperator, cohort.id, far.id);
    const scoped = (await world.kepanjenOperator.get(`/api/training/cohorts/${cohort.id}/participants`)).json<TrainingParticipantList>();
    expect({ names: scoped.items.map((p) => p.name), outsideScope: scoped.outsideScope }).toEqual({ names: ['ANI KEPANJEN'], outsideScope: 1 });
    const other = await makePerson(world, 'BUDI DONOMULYO', DONOMULYO_VILLAGE);
    const refused = await world.kepanjenOperator.post(`/api/training/cohorts/${cohort.id}/participants`, { memberId: other.id });
    expect(refused.json<{ code: string }>().code).toBe('out_of_scope');
    const all = (await world.pimpinan.get(`/api/training/cohorts/${cohort.id}/participants`)).json<TrainingParticipantList>();
    expect(all.items.map((p: TrainingParticipant) => p.name)).toEqual(['ANI DONOMULYO', 'ANI KEPANJEN']);
  });

  it('records the referring agency from a referral addressed to Disnaker for that family', async () => {
    const cohort = await createCohort(world, course.id, { name: 'Angkatan Rujukan' });
    const person = await makePerson(world, 'DEWI RUJUKAN', KEPANJEN_VILLAGE);
    const stranger = await makePerson(world, 'DEWI LAIN', KEPANJEN_VILLAGE);
    const referral = await world.db
      .insertInto('referral')
      .values({
        family_id: person.familyId, kecamatan_code: '35.07.13', village_code: KEPANJEN_VILLAGE, from_agency_id: world.dinsos.id, to_agency_id: world.disnaker.id,
        services: ['training'], answer_days: 14, answer_by: '2026-01-20', sharing_basis: 'legal_basis', legal_basis: 'UU 27/2022 Pasal 20',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mismatch = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/participants`, { memberId: stranger.id, referralId: referral.id });
    expect(mismatch.statusCode).toBe(400);
    const participant = await addParticipant(world.disnakerOperator, cohort.id, person.id, { referralId: referral.id });
    expect({ referralId: participant.referralId, by: participant.referredByAgencyShortName }).toEqual({ referralId: referral.id, by: world.dinsos.shortName });
  });
});
