import { followUpDueDate, type NotificationPage, type Page, type TrainingFollowUp } from '@sinergi/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { testDatabaseKinds } from '../../../test/db.ts';
import { jurisdictionToday } from '../programs/context.ts';
import { FOLLOW_UP_REMINDER_INTERVAL_MS, remindDueFollowUps } from './follow-up-reminders.ts';
import { notifyDueFollowUps } from './follow-up-service.ts';
import { addParticipant, createCohort, createCourse, KEPANJEN_VILLAGE, makePerson, trainingWorld, type TrainingWorld } from './test-kit.ts';

/** Follow-up reminders run on their own (at start, then hourly), each due follow-up notified once. */
describe.each(testDatabaseKinds)('training follow-up reminders on %s', (kind) => {
  let world: TrainingWorld;
  let today = '';
  // Ended four months ago: the 3-month follow-ups are due, the 6- and 12-month ones still scheduled.
  let endDate = '';

  /** A completed Disnaker cohort with two graduates and one who failed (no follow-ups). */
  async function completedCohort(name: string): Promise<string> {
    const course = await createCourse(world);
    const cohort = await createCohort(world, course.id, { name, startDate: endDate, endDate, sessions: [{ date: endDate }] });
    for (const [person, passed] of [[`${name} SATU`, true], [`${name} DUA`, true], [`${name} TIGA`, false]] as const) {
      const member = await makePerson(world, person, KEPANJEN_VILLAGE);
      const participant = await addParticipant(world.disnakerOperator, cohort.id, member.id);
      await world.disnakerOperator.put(`/api/training/cohorts/${cohort.id}/sessions/${cohort.sessions[0]!.id}/attendance`, { entries: [{ participantId: participant.id, present: true }] });
      await world.disnakerOperator.patch(`/api/training/cohorts/${cohort.id}/participants/${participant.id}`, { passed });
    }
    const done = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/complete`, { version: cohort.version });
    expect(done.statusCode, done.body).toBe(200);
    return cohort.id;
  }

  const reminders = async () =>
    (await world.db.selectFrom('notification').select(['agency_id', 'user_id', 'params', 'link']).where('kind', '=', 'training.follow_up_due').orderBy('created_at').execute())
      .map((n) => ({ agencyId: n.agency_id, userId: n.user_id, link: n.link, params: n.params }));
  const remindersSeenBy = async (client: TrainingWorld['disnakerOperator']) =>
    (await client.get('/api/notifications?pageSize=100')).json<NotificationPage>().items.filter((n) => n.kind === 'training.follow_up_due');

  beforeAll(async () => {
    world = await trainingWorld(kind);
    today = jurisdictionToday(world.t.config.jurisdiction);
    endDate = followUpDueDate(today, -4);
  });
  afterAll(async () => world.t.close());

  it('notifies the owner agency once when follow-ups fall due: at start and hourly, not by opening the list', async () => {
    const firstCohort = await completedCohort('LAPAS');
    const list = await world.disnakerOperator.get('/api/training/follow-ups');
    expect(list.json<Page<TrainingFollowUp>>().items.map((f) => [f.milestone, f.dueOn])).toEqual([
      [3, followUpDueDate(endDate, 3)], [3, followUpDueDate(endDate, 3)],
    ]);
    expect(await reminders()).toEqual([]);

    // A restart on the same database: the reminder goes out as the server starts; its hourly timer is driven by hand.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let restarted: FastifyInstance | null = null;
    try {
      restarted = await buildApp({ config: world.t.config, database: world.t.database, logger: false, serveWeb: false });
      const expected = { agencyId: world.disnaker.id, userId: null, link: `/pelatihan/angkatan/${firstCohort}` };
      expect(await reminders()).toEqual([{ ...expected, params: expect.objectContaining({ months: 3, count: 2, dueOn: followUpDueDate(endDate, 3) }) as object }]);

      expect(await remindDueFollowUps(restarted)).toBe(0);
      expect(await remindDueFollowUps(restarted)).toBe(0);
      expect((await world.disnakerOperator.get('/api/training/follow-ups')).statusCode).toBe(200);
      expect((await world.pimpinan.get('/api/training/follow-ups')).statusCode).toBe(200);
      expect(await reminders()).toHaveLength(1);
      expect((await remindersSeenBy(world.disnakerOperator)).map((n) => n.link)).toEqual([expected.link]);
      expect(await remindersSeenBy(world.dinsosOperator)).toEqual([]);

      const secondCohort = await completedCohort('LPK');
      vi.advanceTimersByTime(FOLLOW_UP_REMINDER_INTERVAL_MS);
      await vi.waitFor(async () => expect(await reminders()).toHaveLength(2), { timeout: 10_000 });
      expect(await remindDueFollowUps(restarted)).toBe(0);
      const all = await reminders();
      expect(all).toHaveLength(2);
      expect(all[1]).toMatchObject({ agencyId: world.disnaker.id, link: `/pelatihan/angkatan/${secondCohort}`, params: { months: 3, count: 2 } });
    } finally {
      vi.useRealTimers();
      await restarted?.close();
    }
  });

  it('sends one reminder when two runs overlap', async () => {
    const cohortId = await completedCohort('DESA');
    const before = (await reminders()).length;
    const runs = await Promise.all([notifyDueFollowUps(world.db, today), notifyDueFollowUps(world.db, today)]);
    expect(runs[0] + runs[1]).toBe(1);
    const after = await reminders();
    expect(after).toHaveLength(before + 1);
    expect(after.filter((n) => n.link === `/pelatihan/angkatan/${cohortId}`)).toHaveLength(1);
  });
});
