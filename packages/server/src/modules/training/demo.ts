import { TrainingCohortInput, TrainingCourseInput, TrainingFollowUpInput, type TrainingFollowUpInput as FollowUpBody } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { silentProgress, type ProgressReporter } from '../../progress.ts';
import { createCohort, workingDays } from './cohort-service.ts';
import { completeCohort } from './completion-service.ts';
import type { TrainingContext } from './context.ts';
import { createCourse } from './course-service.ts';
import { recordFollowUp } from './follow-up-service.ts';
import { addParticipant, recordAttendance, updateParticipant } from './participant-service.ts';

/** The day the demo's follow-ups are recorded up to: the demo tells the same story whenever it is seeded. */
export const DEMO_TRAINING_DAY = '2026-11-16';
const EMPLOYER_NAME = 'CV Konveksi Arjuna Malang';

export interface DemoTrainingResult {
  cohorts: number;
  participants: number;
  graduates: number;
  followUpsRecorded: number;
}

async function adminContext(db: Kysely<DB>, jurisdiction: string): Promise<TrainingContext | null> {
  const row = await db.selectFrom('app_user').select(['id', 'username', 'full_name', 'agency_id', 'scope_codes']).where('role', '=', 'admin').orderBy('created_at').executeTakeFirst();
  if (!row) return null;
  const user: SessionUser = {
    id: row.id, username: row.username, fullName: row.full_name, role: 'admin', agencyId: row.agency_id, scopeCodes: row.scope_codes, language: 'id',
    mustChangePassword: false, sessionId: 'demo-seed', csrfToken: 'demo-seed',
  };
  return { db, config: { ...loadConfig({}), jurisdiction }, user, request: null, today: DEMO_TRAINING_DAY };
}

async function partnerId(db: Kysely<DB>, type: string): Promise<string | null> {
  return (await db.selectFrom('partner').select('id').where('type', '=', type).orderBy('name').executeTakeFirst())?.id ?? null;
}

/** An employer that takes graduates of the sewing course (a partner of Disnaker). */
async function employer(db: Kysely<DB>, agencyId: string): Promise<string> {
  const found = await db.selectFrom('partner').select('id').where('name', '=', EMPLOYER_NAME).executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('partner')
    .values({
      name: EMPLOYER_NAME, type: 'company_csr', agency_id: agencyId, contact_person: 'Yuliana Hartati', phone: '(0341) 555-0106', address: 'Jl. Raya Pakisaji No. 8',
      notes: 'Konveksi seragam; menerima lulusan pelatihan menjahit, termasuk mantan warga binaan. (Data contoh)',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adult current members matching `condition` (on member m and family f), in NIK order so that the demo is repeatable. */
async function people(db: Kysely<DB>, condition: RawBuilder<boolean>, limit: number, offset = 0): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT m.id FROM member m JOIN family f ON f.id = m.family_id
     WHERE m.status = 'active' AND m.birth_date BETWEEN DATE '1971-01-01' AND DATE '2007-12-31' AND ${condition}
     ORDER BY m.nik LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows.rows.map((row) => row.id);
}

/** Members of families Dinsos referred to Disnaker for training, with the referral: the business-package families. */
async function referredPeople(db: Kysely<DB>, disnakerId: string, limit: number): Promise<{ memberId: string; referralId: string }[]> {
  const rows = await sql<{ member_id: string; referral_id: string }>`
    SELECT DISTINCT ON (f.no_kk) m.id AS member_id, r.id AS referral_id
      FROM referral r JOIN family f ON f.id = r.family_id JOIN member m ON m.family_id = f.id
     WHERE r.to_agency_id = ${disnakerId}::uuid AND r.status IN ('accepted', 'served', 'sent') AND m.status = 'active'
       AND m.birth_date BETWEEN DATE '1966-01-01' AND DATE '2007-12-31'
     ORDER BY f.no_kk, m.relation NULLS LAST, m.nik
     LIMIT ${limit}`.execute(db);
  return rows.rows.map((row) => ({ memberId: row.member_id, referralId: row.referral_id }));
}

/** Present unless the pattern says absent: a few miss many sessions, most miss one or two. */
const present = (person: number, session: number) => (person % 6 === 5 ? session % 2 === 0 : (person * 7 + session * 3) % 13 !== 0);

async function runCohort(context: TrainingContext, cohortId: string, members: { memberId: string; referralId?: string }[], complete: boolean): Promise<string[]> {
  const participantIds: string[] = [];
  for (const member of members) participantIds.push((await addParticipant(context, cohortId, { memberId: member.memberId, referralId: member.referralId ?? null, referredByAgencyId: null })).id);
  if (!complete) return participantIds;
  const sessions = await context.db.selectFrom('training_session').select('id').where('cohort_id', '=', cohortId).orderBy('session_date').execute();
  for (const [index, session] of sessions.entries()) {
    await recordAttendance(context, cohortId, session.id, { entries: participantIds.map((participantId, person) => ({ participantId, present: present(person, index) })) });
  }
  for (const [person, participantId] of participantIds.entries()) {
    await updateParticipant(context, cohortId, participantId, person % 9 === 4 ? { passed: false } : { passed: true });
  }
  const cohort = await context.db.selectFrom('training_cohort').select('version').where('id', '=', cohortId).executeTakeFirstOrThrow();
  await completeCohort(context, cohortId, cohort.version);
  return participantIds;
}

/** What graduate number `index` reports at a follow-up, in turn: working, own business (two turnovers), working elsewhere, not working. */
function followUpBody(index: number, contactedOn: string, employerId: string): FollowUpBody {
  switch (index % 5) {
    case 0: return { contactedOn, status: 'working', employerPartnerId: employerId };
    case 1: return { contactedOn, status: 'own_business', monthlyTurnover: 1_500_000 + (index % 4) * 500_000, note: 'Menerima pesanan jahitan dari tetangga.' };
    case 2: return { contactedOn, status: 'own_business', monthlyTurnover: 3_000_000, note: 'Usaha berjalan, dibantu 2 pekerja.' };
    case 3: return { contactedOn, status: 'working', employerName: 'Toko Kue Bu Endang' };
    default: return { contactedOn, status: 'not_working', note: 'Masih mencari pekerjaan; dirujuk ke bursa kerja.' };
  }
}

/** Records the follow-ups of a milestone for every graduate but the last `leaveOpen` (which stay due or overdue). */
async function recordFollowUps(context: TrainingContext, cohortId: string, milestone: number, contactedOn: string, leaveOpen: number, employerId: string): Promise<number> {
  const rows = await sql<{ id: string }>`
    SELECT u.id FROM training_follow_up u JOIN training_participant p ON p.id = u.participant_id JOIN member m ON m.id = p.member_id
     WHERE p.cohort_id = ${cohortId}::uuid AND u.milestone = ${milestone} ORDER BY m.name, p.id`.execute(context.db);
  const toRecord = rows.rows.slice(0, Math.max(0, rows.rows.length - leaveOpen));
  for (const [index, row] of toRecord.entries()) await recordFollowUp(context, row.id, TrainingFollowUpInput.parse(followUpBody(index, contactedOn, employerId)));
  return toRecord.length;
}

/**
 * Disnaker's demo training: a sewing cohort in the women's prison (completed, follow-ups at 3 months done and at
 * 6 months partly done), a packaging cohort for people with disabilities and business-package families referred by
 * Dinsos (completed, 3-month follow-ups partly done), and an embroidery cohort in a village hall about to start. Does nothing when courses
 * exist already or the demo agencies are missing. Deterministic.
 */
export async function seedDemoTraining(handle: DatabaseHandle, progress: ProgressReporter = silentProgress, options: { jurisdiction: string }): Promise<DemoTrainingResult> {
  const { db } = handle;
  const empty = { cohorts: 0, participants: 0, graduates: 0, followUpsRecorded: 0 };
  if ((await db.selectFrom('training_course').select('id').limit(1).execute()).length > 0) return empty;
  const disnaker = await db.selectFrom('agency').select('id').where('kind', '=', 'disnaker').orderBy('created_at').executeTakeFirst();
  const context = await adminContext(db, options.jurisdiction);
  if (!disnaker || !context) return empty;
  const bar = progress.start('Pelatihan contoh / demo training', 3);
  const lpk = await partnerId(db, 'lpk');
  const prison = await partnerId(db, 'prison');
  const employerId = await employer(db, disnaker.id);
  const course = async (name: string, skill: string, hours: number, description: string) =>
    (await createCourse(context, TrainingCourseInput.parse({ name, skill, hours, description, agencyId: disnaker.id, lpkPartnerId: lpk }))).id;
  const tuesdaysAndThursdays = (from: string, to: string) => workingDays(from, to).filter((day) => [2, 4].includes(new Date(`${day}T00:00:00Z`).getUTCDay())).map((date) => ({ date }));

  const sewing = await course('Menjahit Busana', 'sewing', 160, 'Menjahit pakaian dan seragam dengan mesin jahit industri; praktik membuat pola.');
  const prisonCohort = await createCohort(context, TrainingCohortInput.parse({
    courseId: sewing, name: 'Menjahit Angkatan I — Lapas Perempuan', placeKind: 'prison', placeName: 'Lapas Perempuan Kelas IIA Malang', placePartnerId: prison,
    startDate: '2026-02-03', endDate: '2026-03-12', trainers: ['Rina Kusumawati', 'Endah Sulistyowati'], seats: 20, sessions: tuesdaysAndThursdays('2026-02-03', '2026-03-12'),
  }));
  const inmates = await people(db, sql<boolean>`'warga_binaan' = ANY (m.special_status) AND m.sex = 'P'`, 15);
  const prisonIds = await runCohort(context, prisonCohort.id, inmates.map((memberId) => ({ memberId })), true);
  let recorded = await recordFollowUps(context, prisonCohort.id, 3, '2026-06-15', 2, employerId);
  recorded += await recordFollowUps(context, prisonCohort.id, 6, '2026-09-16', 5, employerId);
  bar.update(1);

  const packaging = await course('Pengemasan Produk Usaha Mikro', 'packaging', 60, 'Kemasan yang aman dan menarik, label, izin PIRT dan pemasaran daring.');
  const mixedCohort = await createCohort(context, TrainingCohortInput.parse({
    courseId: packaging, name: 'Pengemasan Angkatan I — Disabilitas & Paket Usaha', placeKind: 'lpk', placeName: 'LPK Mitra Karya Mandiri, Kepanjen',
    startDate: '2026-06-08', endDate: '2026-07-17', trainers: ['Agus Setiawan'], seats: 25, sessions: tuesdaysAndThursdays('2026-06-08', '2026-07-17'),
  }));
  const disabled = (await people(db, sql<boolean>`cardinality(m.disabilities) > 0 AND f.desil_national <= 5`, 6)).map((memberId) => ({ memberId }));
  const referred = await referredPeople(db, disnaker.id, 10);
  const referredOnly = referred.filter((person) => !disabled.some((d) => d.memberId === person.memberId));
  const mixedIds = await runCohort(context, mixedCohort.id, [...disabled, ...referredOnly], true);
  recorded += await recordFollowUps(context, mixedCohort.id, 3, '2026-10-20', 4, employerId);
  bar.update(2);

  const embroidery = await course('Bordir Mesin', 'embroidery', 80, 'Bordir dengan mesin untuk kerudung dan seragam.');
  const openCohort = await createCohort(context, TrainingCohortInput.parse({
    courseId: embroidery, name: 'Bordir Angkatan I — Balai Desa Kepanjen', placeKind: 'village_hall', placeName: 'Balai Desa Kepanjen',
    startDate: '2026-11-24', endDate: '2026-12-18', trainers: ['Rina Kusumawati'], seats: 12,
  }));
  const women = await people(db, sql<boolean>`m.sex = 'P' AND f.desil_national <= 3 AND NOT ('warga_binaan' = ANY (m.special_status))`, 8);
  const openIds = await runCohort(context, openCohort.id, women.map((memberId) => ({ memberId })), false);
  bar.update(3);
  bar.stop();
  const graduates = await db.selectFrom('training_participant').select(sql<number>`count(*)::int`.as('n')).where('outcome', '=', 'completed').executeTakeFirstOrThrow();
  return { cohorts: 3, participants: prisonIds.length + mixedIds.length + openIds.length, graduates: graduates.n, followUpsRecorded: recorded };
}
