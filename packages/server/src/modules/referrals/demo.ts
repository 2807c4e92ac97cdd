import { addDays, type ReferralAction, type ReferralService, type ReferralStatus } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';
import { silentProgress, type ProgressReporter } from '../../progress.ts';
import { jurisdictionToday } from '../programs/context.ts';
import { BUSINESS_PACKAGE_NAME } from '../programs/demo-programs.ts';
import { flagOverdueReferrals } from './overdue.ts';
import { insertEvent } from './queries.ts';
import { createReferralsForServedEnrolment } from './rules.ts';
import { insertReferral } from './send.ts';

export interface DemoReferralsResult {
  referrals: number;
  overdue: number;
}

type Kind = 'dinsos' | 'disnaker' | 'disperindagkop' | 'pupr_perkim' | 'dpmd';

/** Where a demo referral is in its life, and how many days ago it was sent. */
interface Story {
  daysAgo: number;
  steps: { action: ReferralAction; text: string; afterDays: number }[];
}

const CLOSE = {
  capital_access: 'Pinjaman KUR Rp10 juta melalui Koperasi Simpan Pinjam Sejahtera Bersama; pendampingan pemasaran daring.',
  packaging_training: 'Mengikuti pelatihan pengemasan dan label halal 3 hari di LPK Mitra Karya Mandiri.',
} as const;

/**
 * Six stories repeated over the business-package families: served, accepted and on time, just sent, unanswered for
 * weeks (overdue), declined, accepted but past the due date (overdue).
 */
function storyOf(index: number, service: keyof typeof CLOSE): Story {
  switch (index % 6) {
    case 0: return { daysAgo: 40, steps: [{ action: 'accept', text: 'Dijadwalkan asesmen.', afterDays: 3 }, { action: 'serve', text: CLOSE[service], afterDays: 30 }] };
    case 1: return { daysAgo: 12, steps: [{ action: 'accept', text: 'Dijadwalkan kunjungan usaha.', afterDays: 4 }] };
    case 2: return { daysAgo: 2, steps: [] };
    case 3: return { daysAgo: 26, steps: [] };
    case 4: return { daysAgo: 30, steps: [{ action: 'decline', text: 'Usaha belum berjalan 3 bulan; ajukan kembali setelah usaha stabil.', afterDays: 5 }] };
    default: return { daysAgo: 80, steps: [{ action: 'accept', text: 'Menunggu jadwal pelatihan.', afterDays: 6 }] };
  }
}

const STATUS_AFTER: Record<ReferralAction, ReferralStatus> = { accept: 'accepted', decline: 'declined', serve: 'served', not_serve: 'not_served', withdraw: 'withdrawn' };

/** A past step of a demo referral, dated as it happened (the services always stamp "now"). */
async function replayStep(trx: Kysely<DB>, id: string, from: ReferralStatus, step: Story['steps'][number], at: Date, userId: string | null, agencyId: string) {
  const to = STATUS_AFTER[step.action];
  await trx.updateTable('referral').set({
    status: to, version: sql<number>`version + 1`, updated_at: at,
    ...(step.action === 'accept' || step.action === 'decline' ? { answered_at: at } : {}), ...(to !== 'accepted' ? { closed_at: at } : {}),
    ...(step.action === 'serve' ? { outcome: step.text } : step.action === 'accept' ? {} : { reason: step.text }),
  }).where('id', '=', id).execute();
  await insertEvent(trx, { referral_id: id, action: step.action, from_status: from, to_status: to, text: step.text, user_id: userId, agency_id: agencyId });
  await trx.updateTable('referral_event').set({ at }).where('referral_id', '=', id).where('action', '=', step.action).execute();
}

async function playStory(trx: Kysely<DB>, id: string, story: Story, sentOn: string, receiverId: string, userId: string | null): Promise<void> {
  let status: ReferralStatus = 'sent';
  for (const step of story.steps) {
    await replayStep(trx, id, status, step, new Date(`${addDays(sentOn, step.afterDays)}T03:00:00Z`), userId, receiverId);
    status = STATUS_AFTER[step.action];
  }
}

/** Referrals between other agencies, on families of desil 1–3 picked by No KK order. */
const OTHER_ROUTES: { from: Kind; to: Kind; services: ReferralService[]; note: string; story: Story }[] = [
  { from: 'dinsos', to: 'pupr_perkim', services: ['house_renovation'], note: 'Rumah berlantai tanah, dinding bambu lapuk.', story: { daysAgo: 21, steps: [] } },
  { from: 'dinsos', to: 'pupr_perkim', services: ['house_renovation', 'sanitation_water'], note: 'Belum memiliki jamban sehat.', story: { daysAgo: 9, steps: [{ action: 'accept', text: 'Masuk usulan RTLH tahun berjalan.', afterDays: 2 }] } },
  { from: 'dpmd', to: 'dinsos', services: ['social_aid'], note: 'Hasil musdes: lansia tinggal sendiri.', story: { daysAgo: 3, steps: [] } },
  { from: 'dpmd', to: 'dinsos', services: ['social_aid'], note: 'Usulan dari pemerintah desa.', story: { daysAgo: 18, steps: [{ action: 'decline', text: 'Sudah menerima PKH dan sembako.', afterDays: 4 }] } },
  { from: 'disnaker', to: 'disperindagkop', services: ['marketing', 'business_mentoring'], note: 'Lulusan pelatihan menjahit, membuka usaha sendiri.', story: { daysAgo: 35, steps: [{ action: 'accept', text: 'Dijadwalkan kurasi produk.', afterDays: 2 }, { action: 'serve', text: 'Produk masuk galeri UMKM dan katalog daring kabupaten.', afterDays: 20 }] } },
  { from: 'disnaker', to: 'dpmd', services: ['job_placement'], note: 'Peserta pelatihan tata boga ingin bekerja di BUMDes.', story: { daysAgo: 16, steps: [] } },
];

/**
 * Demo referrals: the business package's rules (Disperindagkop for capital and marketing, Disnaker for packaging
 * training) applied to its first served families, plus referrals between the other agencies; at every step of the
 * lifecycle, some of them overdue. Deterministic in which families and stories; dated back from the day it runs.
 */
export async function seedDemoReferrals(handle: DatabaseHandle, progress: ProgressReporter = silentProgress, options: { jurisdiction?: string } = {}): Promise<DemoReferralsResult> {
  const { db } = handle;
  if ((await db.selectFrom('referral').select('id').limit(1).execute()).length > 0) return { referrals: 0, overdue: 0 };
  const agencies = new Map<string, string>();
  for (const row of await db.selectFrom('agency').select(['id', 'kind']).orderBy('created_at').execute()) if (!agencies.has(row.kind)) agencies.set(row.kind, row.id);
  const admin = await db.selectFrom('app_user').select('id').where('role', '=', 'admin').orderBy('created_at').executeTakeFirst();
  const actor = admin?.id ?? null;
  const today = jurisdictionToday(options.jurisdiction ?? '35');
  const sentDay = (daysAgo: number) => addDays(today, -daysAgo);
  const bar = progress.start('Rujukan contoh / demo referrals', 24 + OTHER_ROUTES.length);
  let made = 0;
  try {
    const program = await db.selectFrom('program').select(['id', 'agency_id']).where('name', '=', BUSINESS_PACKAGE_NAME).executeTakeFirst();
    const disperindagkop = agencies.get('disperindagkop');
    const disnaker = agencies.get('disnaker');
    if (program && disperindagkop && disnaker) {
      await db.insertInto('referral_rule').values([
        { program_id: program.id, to_agency_id: disperindagkop, services: ['capital_access', 'marketing'], answer_days: 14, due_days: 60, note: 'Tindak lanjut paket usaha: akses modal dan pemasaran.', created_by: actor },
        { program_id: program.id, to_agency_id: disnaker, services: ['packaging_training'], answer_days: 14, due_days: 60, note: 'Tindak lanjut paket usaha: pelatihan pengemasan produk.', created_by: actor },
      ]).execute();
      const served = await db.selectFrom('program_enrolment').select('id').where('program_id', '=', program.id).where('status', '=', 'served')
        .orderBy('rank').orderBy('id').limit(12).execute();
      for (const [index, enrolment] of served.entries()) {
        const story = storyOf(index, 'capital_access');
        const sentOn = sentDay(story.daysAgo);
        await db.transaction().execute(async (trx) => {
          const ids = await createReferralsForServedEnrolment(trx, enrolment.id, admin ?? null, new Date(`${sentOn}T02:00:00Z`));
          for (const id of ids) {
            const row = await trx.selectFrom('referral').select(['to_agency_id']).where('id', '=', id).executeTakeFirstOrThrow();
            // Both referrals of one family were sent together; each agency answers with its own words.
            const service = row.to_agency_id === disnaker ? 'packaging_training' : 'capital_access';
            await playStory(trx, id, storyOf(index, service), sentOn, row.to_agency_id, actor);
            made += 1;
          }
        });
        bar.update(made);
      }
    }
    const families = await sql<{ id: string; kecamatan_code: string; village_code: string; head_name: string | null }>`
      SELECT id, kecamatan_code, village_code, head_name FROM family WHERE desil_national BETWEEN 1 AND 3 ORDER BY no_kk COLLATE "C" LIMIT ${OTHER_ROUTES.length}`.execute(db);
    for (const [index, route] of OTHER_ROUTES.entries()) {
      const family = families.rows[index];
      const from = agencies.get(route.from);
      const to = agencies.get(route.to);
      if (!family || !from || !to) continue;
      const sentOn = sentDay(route.story.daysAgo);
      await db.transaction().execute(async (trx) => {
        const id = await insertReferral(trx, {
          familyId: family.id, memberId: null, kecamatanCode: family.kecamatan_code, villageCode: family.village_code, fromAgencyId: from, toAgencyId: to,
          services: route.services, note: route.note, answerDays: 7, dueOn: addDays(sentOn, 45), enrolmentId: null, ruleId: null,
          sharing: { basis: 'consent', consentOn: sentOn, consentBy: family.head_name ?? 'Kepala keluarga' }, sentOn, sentAt: new Date(`${sentOn}T02:00:00Z`), createdBy: actor,
        });
        await playStory(trx, id, route.story, sentOn, to, actor);
      });
      made += 1;
      bar.update(made);
    }
  } finally {
    bar.stop();
  }
  return { referrals: made, overdue: await flagOverdueReferrals(db, today) };
}
