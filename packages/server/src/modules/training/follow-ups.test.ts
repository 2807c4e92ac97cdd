import type { FamilyTimeline, Page, TrainingFollowUp, TrainingReport } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { notifyDueFollowUps } from './follow-up-service.ts';
import { addParticipant, createCohort, createCourse, DONOMULYO_VILLAGE, KEPANJEN_VILLAGE, makePerson, trainingWorld, type TrainingWorld } from './test-kit.ts';

/**
 * Two completed cohorts that ended on 2025-01-31 (follow-ups due 2025-04-30, 2025-07-31, 2026-01-31) and 2025-03-14
 * (due 2025-06-14, …), with known attendance and results; the states are counted on explicit days.
 */
describe.each(testDatabaseKinds)('training follow-ups and reports on %s', (kind) => {
  let world: TrainingWorld;
  const graduates: Record<string, string> = {};
  let prisonCohortId = '';
  let familyOfInmate = '';

  async function completedCohort(name: string, placeKind: 'lpk' | 'prison', endDate: string, people: { name: string; village: string; facts: object; pass: boolean }[]) {
    const course = await createCourse(world);
    const cohort = await createCohort(world, course.id, {
      name, placeKind, placeName: name, ...(placeKind === 'prison' ? { placePartnerId: world.prisonId } : {}), startDate: endDate, endDate, sessions: [{ date: endDate }],
    });
    for (const person of people) {
      const member = await makePerson(world, person.name, person.village, person.facts);
      if (person.name.startsWith('INA')) familyOfInmate = member.familyId;
      const participant = await addParticipant(world.disnakerOperator, cohort.id, member.id);
      await world.disnakerOperator.put(`/api/training/cohorts/${cohort.id}/sessions/${cohort.sessions[0]!.id}/attendance`, { entries: [{ participantId: participant.id, present: true }] });
      await world.disnakerOperator.patch(`/api/training/cohorts/${cohort.id}/participants/${participant.id}`, { passed: person.pass });
      graduates[person.name] = participant.id;
    }
    const done = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/complete`, { version: cohort.version });
    expect(done.statusCode, done.body).toBe(200);
    return cohort.id;
  }

  async function followUpOf(name: string, milestone: number): Promise<string> {
    const row = await world.db.selectFrom('training_follow_up').select('id').where('participant_id', '=', graduates[name]!).where('milestone', '=', milestone as 3).executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    world = await trainingWorld(kind);
    prisonCohortId = await completedCohort('Angkatan Lapas 2025', 'prison', '2025-01-31', [
      { name: 'INA WARGA BINAAN', village: KEPANJEN_VILLAGE, facts: { inmate: true }, pass: true },
      { name: 'IKA WARGA BINAAN', village: KEPANJEN_VILLAGE, facts: { inmate: true }, pass: true },
      { name: 'IRA WARGA BINAAN', village: KEPANJEN_VILLAGE, facts: { inmate: true }, pass: false },
    ]);
    await completedCohort('Angkatan Disabilitas 2025', 'lpk', '2025-03-14', [
      { name: 'DANI DISABILITAS', village: DONOMULYO_VILLAGE, facts: { disability: true }, pass: true },
      { name: 'BAYU PAKET USAHA', village: DONOMULYO_VILLAGE, facts: { businessFamily: true }, pass: true },
      { name: 'BELA PAKET USAHA', village: DONOMULYO_VILLAGE, facts: { businessFamily: true }, pass: true },
      { name: 'BONI PAKET USAHA', village: DONOMULYO_VILLAGE, facts: { businessFamily: true }, pass: false },
    ]);
  });
  afterAll(async () => world.t.close());

  const list = async (query: string) => (await world.pimpinan.get(`/api/training/follow-ups?${query}`)).json<Page<TrainingFollowUp>>();

  it('lists due and overdue follow-ups on an explicit day', async () => {
    // 2025-05-20: the lapas 3-month follow-ups (due 2025-04-30) are 20 days late = due; nothing of the other cohort yet.
    const may = await list('asOf=2025-05-20');
    expect(may.items.map((f) => [f.name, f.milestone, f.dueOn, f.state])).toEqual([
      ['IKA WARGA BINAAN', 3, '2025-04-30', 'due'],
      ['INA WARGA BINAAN', 3, '2025-04-30', 'due'],
    ]);
    // 2025-06-20: the lapas ones are 51 days late = overdue; the other cohort's (due 2025-06-14) are due.
    const june = await list('asOf=2025-06-20');
    expect(june.items.map((f) => [f.name, f.state])).toEqual([
      ['IKA WARGA BINAAN', 'overdue'], ['INA WARGA BINAAN', 'overdue'], ['BAYU PAKET USAHA', 'due'], ['BELA PAKET USAHA', 'due'], ['DANI DISABILITAS', 'due'],
    ]);
    expect((await list('asOf=2025-06-20&state=overdue')).total).toBe(2);
    expect((await list('asOf=2025-06-20&state=scheduled')).total).toBe(10);
    expect((await list('asOf=2025-04-29')).total).toBe(0);
  });

  it('reminds the owner agency once per cohort and milestone', async () => {
    expect(await notifyDueFollowUps(world.db, '2025-06-20')).toBe(2);
    expect(await notifyDueFollowUps(world.db, '2025-06-20')).toBe(0);
    const notes = await world.db.selectFrom('notification').select(['agency_id', 'kind', 'params']).orderBy('created_at').execute();
    expect(notes.map((n) => [n.agency_id, n.kind, (n.params as { count: number }).count])).toEqual([
      [world.disnaker.id, 'training.follow_up_due', 2], [world.disnaker.id, 'training.follow_up_due', 3],
    ]);
  });

  it('records follow-ups: working needs the employer, own business the turnover, never before a month ahead of the due date', async () => {
    const put = (id: string, body: object) => world.disnakerOperator.put(`/api/training/follow-ups/${id}`, body);
    const inaThree = await followUpOf('INA WARGA BINAAN', 3);
    const missing = await put(inaThree, { contactedOn: '2025-05-02', status: 'working' });
    expect(missing.json<{ message: string }>().message).toBe('Status "Bekerja" memerlukan nama pemberi kerja.');
    const early = await put(inaThree, { contactedOn: '2025-03-01', status: 'not_working' });
    expect(early.json<{ message: string }>().message).toBe('Tindak lanjut 3 bulan baru dapat dicatat mulai 2025-03-30.');
    expect((await world.dinsosOperator.put(`/api/training/follow-ups/${inaThree}`, { contactedOn: '2025-05-02', status: 'not_working' })).statusCode).toBe(403);
    const ok = await put(inaThree, { contactedOn: '2025-05-02', status: 'working', employerPartnerId: world.employerId });
    expect(ok.json<TrainingFollowUp>()).toMatchObject({ state: 'done', status: 'working', employerName: 'CV Konveksi Sejahtera' });
    const noTurnover = await put(await followUpOf('BAYU PAKET USAHA', 3), { contactedOn: '2025-06-16', status: 'own_business' });
    expect(noTurnover.json<{ code: string }>().code).toBe('training_follow_up_incomplete');
    const recorded: [string, number, object][] = [
      ['BAYU PAKET USAHA', 3, { contactedOn: '2025-06-16', status: 'own_business', monthlyTurnover: 3_000_000 }],
      ['BELA PAKET USAHA', 3, { contactedOn: '2025-06-16', status: 'not_working' }],
      ['DANI DISABILITAS', 3, { contactedOn: '2025-06-17', status: 'working', employerName: 'Toko Roti Barokah' }],
      ['INA WARGA BINAAN', 6, { contactedOn: '2025-08-01', status: 'own_business', monthlyTurnover: 1_500_000 }],
      ['IKA WARGA BINAAN', 6, { contactedOn: '2025-08-01', status: 'working', employerPartnerId: world.employerId }],
    ];
    for (const [name, milestone, body] of recorded) expect((await put(await followUpOf(name, milestone), body)).statusCode).toBe(200);
    expect((await list('asOf=2025-06-20')).items.map((f) => f.name)).toEqual(['IKA WARGA BINAAN']);
  });

  it('reports completion and placement rates exactly, by target group, course and cohort, with employers', async () => {
    const report = (await world.pimpinan.get('/api/training/reports')).json<TrainingReport>();
    // 7 participants, 5 graduates; followed up: INA (latest 6 m: own business), IKA (6 m: working), BAYU (own business), BELA (not working), DANI (working).
    expect(report.total).toMatchObject({ enrolled: 7, finished: 7, completed: 5, completionRate: 71.4, followedUp: 5, working: 2, ownBusiness: 2, notWorking: 1, placed: 4, placementRate: 80 });
    expect(report.byGroup.map((g) => [g.key, g.enrolled, g.completed, g.completionRate, g.followedUp, g.placed, g.placementRate])).toEqual([
      ['inmate', 3, 2, 66.7, 2, 2, 100],
      ['disability', 1, 1, 100, 1, 1, 100],
      ['business_family', 3, 2, 66.7, 2, 1, 50],
    ]);
    expect(report.byCohort.map((c) => [c.label.endsWith('Angkatan Lapas 2025'), c.completionRate, c.placementRate])).toEqual([[true, 66.7, 100], [false, 75, 66.7]]);
    expect(report.byCourse).toHaveLength(2);
    expect(report.employers).toEqual([
      { partnerId: world.employerId, name: 'CV Konveksi Sejahtera', graduates: 1 },
      { partnerId: null, name: 'Toko Roti Barokah', graduates: 1 },
    ]);
    // Today (after 2026-02-01) every open follow-up of these 2025 cohorts is overdue: 15 in all, 6 recorded.
    expect(report.followUps).toEqual({ done: 6, due: 0, overdue: 9, scheduled: 0 });
  });

  it('shows the training on the family timeline, discreetly for other agencies when it took place in a prison', async () => {
    const own = (await world.disnakerOperator.get(`/api/families/${familyOfInmate}/timeline`)).json<FamilyTimeline>();
    const training = own.items.filter((e) => e.source === 'training');
    expect(training.map((e) => e.kind).sort()).toEqual(['training.completed', 'training.enrolled', 'training.follow_up', 'training.follow_up']);
    expect(training.find((e) => e.kind === 'training.enrolled')).toMatchObject({ detail: { id: expect.stringContaining('Angkatan Lapas 2025') as string }, link: `/pelatihan/angkatan/${prisonCohortId}` });
    const other = (await world.dinsosOperator.get(`/api/families/${familyOfInmate}/timeline`)).json<FamilyTimeline>();
    const enrolled = other.items.find((e) => e.kind === 'training.enrolled');
    expect(enrolled?.detail?.id).toBe(world.disnaker.shortName);
    expect(enrolled?.link).toBeUndefined();
  });
});
