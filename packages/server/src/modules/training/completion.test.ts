import type { TrainingCohort, TrainingCompletionSummary, TrainingParticipantList } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import type { SessionUser } from '../../http/context.ts';
import { pdfText } from '../privacy/test-pdf.ts';
import { participantCertificate } from './certificate.ts';
import { addParticipant, createCohort, createCourse, KEPANJEN_VILLAGE, makePerson, trainingWorld, type TrainingWorld } from './test-kit.ts';

const SESSIONS = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10'].map((date) => ({ date }));

describe.each(testDatabaseKinds)('training attendance, completion and certificates on %s', (kind) => {
  let world: TrainingWorld;
  let cohort: TrainingCohort;
  const ids: Record<'ani' | 'budi' | 'citra' | 'dina' | 'eka', string> = { ani: '', budi: '', citra: '', dina: '', eka: '' };

  beforeAll(async () => {
    world = await trainingWorld(kind);
    const course = await createCourse(world);
    cohort = await createCohort(world, course.id, { startDate: '2025-01-06', endDate: '2025-01-10', sessions: SESSIONS });
    for (const [key, name] of [['ani', 'ANI'], ['budi', 'BUDI'], ['citra', 'CITRA'], ['dina', 'DINA'], ['eka', 'EKA']] as const) {
      const person = await makePerson(world, `${name} PESERTA`, KEPANJEN_VILLAGE);
      ids[key] = (await addParticipant(world.disnakerOperator, cohort.id, person.id)).id;
    }
  });
  afterAll(async () => world.t.close());

  /** Who was present at each of the five sessions. */
  const PRESENT: Record<keyof typeof ids, boolean[]> = {
    ani: [true, true, true, true, true], // 100%, passed → completed
    budi: [true, true, false, true, true], // 80% exactly, passed → completed
    citra: [true, false, true, false, true], // 60%, passed → attendance too low
    dina: [true, true, true, true, true], // 100%, failed the assessment
    eka: [true, true, true, true, false], // withdrew
  };

  it('records attendance per session and shows what the completion rule says before completion', async () => {
    for (const [index, session] of cohort.sessions.entries()) {
      const entries = (Object.keys(ids) as (keyof typeof ids)[]).map((key) => ({ participantId: ids[key], present: PRESENT[key][index]! }));
      const response = await world.disnakerOperator.put(`/api/training/cohorts/${cohort.id}/sessions/${session.id}/attendance`, { entries });
      expect(response.statusCode, response.body).toBe(200);
    }
    const results: [keyof typeof ids, object][] = [['ani', { passed: true }], ['budi', { passed: true }], ['citra', { passed: true }], ['dina', { passed: false }], ['eka', { withdrawn: true }]];
    for (const [key, body] of results) expect((await world.disnakerOperator.patch(`/api/training/cohorts/${cohort.id}/participants/${ids[key]}`, body)).statusCode).toBe(200);
    const list = (await world.pimpinan.get(`/api/training/cohorts/${cohort.id}/participants`)).json<TrainingParticipantList>();
    expect(list.items.map((p) => [p.name, p.attended, p.attendancePercent, p.completion.outcome, p.completion.reasons, p.outcome])).toEqual([
      ['ANI PESERTA', 5, 100, 'completed', [], null],
      ['BUDI PESERTA', 4, 80, 'completed', [], null],
      ['CITRA PESERTA', 3, 60, 'not_completed', ['attendance'], null],
      ['DINA PESERTA', 5, 100, 'not_completed', ['not_passed'], null],
      ['EKA PESERTA', 4, 80, 'not_completed', ['withdrawn', 'not_passed'], null],
    ]);
    expect(list.items[1]?.presentSessionIds).toHaveLength(4);
  });

  it('changes an absence into a presence when the session is recorded again', async () => {
    const session = cohort.sessions[2]!;
    const fix = await world.disnakerOperator.put(`/api/training/cohorts/${cohort.id}/sessions/${session.id}/attendance`, { entries: [{ participantId: ids.citra, present: true }] });
    const citra = fix.json<TrainingParticipantList>().items.find((p) => p.id === ids.citra);
    expect([citra?.attended, citra?.attendancePercent]).toEqual([3, 60]);
    const undo = await world.disnakerOperator.put(`/api/training/cohorts/${cohort.id}/sessions/${cohort.sessions[1]!.id}/attendance`, { entries: [{ participantId: ids.citra, present: true }] });
    expect(undo.json<TrainingParticipantList>().items.find((p) => p.id === ids.citra)?.attended).toBe(4);
    await world.disnakerOperator.put(`/api/training/cohorts/${cohort.id}/sessions/${cohort.sessions[1]!.id}/attendance`, { entries: [{ participantId: ids.citra, present: false }] });
  });

  it('only the owner agency records attendance', async () => {
    const response = await world.dinsosOperator.put(`/api/training/cohorts/${cohort.id}/sessions/${cohort.sessions[0]!.id}/attendance`, { entries: [{ participantId: ids.ani, present: false }] });
    expect(response.json<{ code: string }>().code).toBe('training_other_agency');
  });

  it('refuses a certificate before the cohort is completed', async () => {
    const response = await world.disnakerOperator.get(`/api/training/participants/${ids.ani}/certificate`);
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([409, 'training_cohort_not_completed']);
  });

  it('completes the cohort: outcomes fixed, certificate numbers by name, follow-ups at 3, 6 and 12 months', async () => {
    const stale = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/complete`, { version: cohort.version - 1 });
    expect(stale.statusCode).toBe(409);
    const response = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/complete`, { version: cohort.version });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TrainingCompletionSummary>()).toEqual({ participants: 5, completed: 2, notCompleted: 3, followUps: 6 });
    const list = (await world.disnakerOperator.get(`/api/training/cohorts/${cohort.id}/participants`)).json<TrainingParticipantList>();
    const prefix = `${world.disnaker.shortName.replace(/[^\w-]+/g, '')}/PLT/2025/001/`;
    expect(list.items.map((p) => [p.name, p.outcome, p.certificateNumber])).toEqual([
      ['ANI PESERTA', 'completed', `${prefix}001`],
      ['BUDI PESERTA', 'completed', `${prefix}002`],
      ['CITRA PESERTA', 'not_completed', null],
      ['DINA PESERTA', 'not_completed', null],
      ['EKA PESERTA', 'not_completed', null],
    ]);
    const followUps = await world.db.selectFrom('training_follow_up').select(['participant_id', 'milestone', 'due_on']).orderBy('participant_id').orderBy('milestone').execute();
    expect(followUps.filter((f) => f.participant_id === ids.ani).map((f) => [f.milestone, f.due_on])).toEqual([[3, '2025-04-10'], [6, '2025-07-10'], [12, '2026-01-10']]);
    expect(new Set(followUps.map((f) => f.participant_id))).toEqual(new Set([ids.ani, ids.budi]));
    const cohortNow = (await world.disnakerOperator.get(`/api/training/cohorts/${cohort.id}`)).json<TrainingCohort>();
    expect({ status: cohortNow.status, completed: cohortNow.completed, canManage: cohortNow.canManage }).toEqual({ status: 'completed', completed: 2, canManage: false });
  });

  it('freezes participants and attendance once completed', async () => {
    const attendance = await world.disnakerOperator.put(`/api/training/cohorts/${cohort.id}/sessions/${cohort.sessions[0]!.id}/attendance`, { entries: [{ participantId: ids.citra, present: true }] });
    expect([attendance.statusCode, attendance.json<{ code: string }>().code]).toEqual([409, 'training_cohort_completed']);
    const again = await world.disnakerOperator.post(`/api/training/cohorts/${cohort.id}/complete`, { version: cohort.version + 1 });
    expect(again.json<{ code: string }>().code).toBe('training_cohort_completed');
  });

  it('produces a certificate PDF for a graduate only, and audits it', async () => {
    const response = await world.pimpinan.get(`/api/training/participants/${ids.ani}/certificate`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const refused = await world.pimpinan.get(`/api/training/participants/${ids.citra}/certificate`);
    expect([refused.statusCode, refused.json<{ code: string }>().code]).toEqual([409, 'training_not_completed']);
    const user = await world.db.selectFrom('app_user').select(['id', 'username', 'agency_id']).where('role', '=', 'admin').executeTakeFirstOrThrow();
    const admin: SessionUser = {
      id: user.id, username: user.username, fullName: 'Admin', role: 'admin', agencyId: user.agency_id, scopeCodes: [], language: 'id', mustChangePassword: false,
      sessionId: 's', csrfToken: 'c',
    };
    const file = await participantCertificate({ db: world.db, config: world.t.config, user: admin, request: null, today: '2025-02-01' }, ids.budi, { compress: false });
    const text = pdfText(file.pdf);
    for (const expected of ['SERTIFIKAT PELATIHAN', 'BUDI PESERTA', `Nomor: ${world.disnaker.shortName.replace(/[^\w-]+/g, '')}/PLT/2025/001/002`, 'Menjahit Busana Dasar', 'LPK Terampil Mandiri', 'Kehadiran / attendance: 80%']) {
      expect(text.replace(/\n/g, ' ')).toContain(expected);
    }
    const audits = await world.db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'training_participant').where('action', '=', 'export').execute();
    expect(audits.map((a) => a.entity_id)).toEqual([ids.ani, ids.budi]);
  });
});
