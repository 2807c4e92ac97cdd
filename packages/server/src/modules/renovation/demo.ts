import { RENOVATION_STAGES, type RenovationStage } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { silentProgress, type ProgressReporter } from '../../progress.ts';
import { proportionalShares } from '../programs/demo-programs.ts';
import { renovationCandidates } from './candidates.ts';
import type { RenovationContext } from './context.ts';
import { demoParts, demoPhoto } from './demo-photos.ts';
import { recordFunding } from './funding.ts';
import { recordPhotos, recordProgressReport } from './photos.ts';
import { findHouse, type HouseRow } from './queries.ts';
import { recordAssessment, recordCompletion, recordProposal, recordRejection, recordSchedule, recordVerification } from './service.ts';
import { setTarget } from './summary.ts';

export interface DemoRenovationOptions {
  jurisdiction?: string;
  uploadDir?: string;
}

export const DEMO_YEAR = 2026;
export const DEMO_TARGET_UNITS = 1500;

/** How many demo houses stand at each step; dealt out in turn so that a small registry still shows every step. */
const PLAN: Record<RenovationStage, number> = { completed: 12, in_progress: 9, scheduled: 5, verified: 4, assessed: 4, proposed: 6, rejected: 2 };

export function demoStagePlan(): RenovationStage[] {
  const left = { ...PLAN };
  const plan: RenovationStage[] = [];
  while (plan.length < Object.values(PLAN).reduce((a, b) => a + b, 0)) {
    for (const stage of RENOVATION_STAGES) {
      if (left[stage] > 0) {
        plan.push(stage);
        left[stage] -= 1;
      }
    }
  }
  return plan;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const reached = (stage: RenovationStage, step: RenovationStage) => stage !== 'rejected' && RENOVATION_STAGES.indexOf(stage) >= RENOVATION_STAGES.indexOf(step);

async function demoContext(db: Kysely<DB>, options: DemoRenovationOptions, jurisdiction: string): Promise<RenovationContext | null> {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'full_name', 'role', 'agency_id', 'scope_codes'])
    .where('role', '=', 'admin')
    .where('scope_codes', '=', sql<string[]>`'{}'::text[]`)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!row) return null;
  const user: SessionUser = {
    id: row.id, username: row.username, fullName: row.full_name, role: row.role, agencyId: row.agency_id, scopeCodes: row.scope_codes,
    language: 'id', mustChangePassword: false, sessionId: 'demo-seed', csrfToken: 'demo-seed',
  };
  const base = loadConfig({});
  return { db, config: { ...base, jurisdiction, uploadDir: options.uploadDir ?? base.uploadDir }, user, request: null };
}

/** The community forum and the company whose notes mention house renovation (bedah rumah) come first. */
async function partnersByType(db: Kysely<DB>): Promise<{ forum: string | null; csr: string | null }> {
  const rows = await db
    .selectFrom('partner')
    .select(['id', 'type'])
    .where('type', 'in', ['community_forum', 'company_csr'])
    .orderBy(sql`coalesce(notes, '') ILIKE '%rumah%'`, 'desc')
    .orderBy('name')
    .execute();
  return { forum: rows.find((row) => row.type === 'community_forum')?.id ?? null, csr: rows.find((row) => row.type === 'company_csr')?.id ?? null };
}

/** The year's 1,500 units over kecamatan in proportion to their families of desil 1–5. */
async function seedTarget(context: RenovationContext): Promise<void> {
  const rows = await sql<{ code: string; n: number }>`
    SELECT kecamatan_code AS code, count(*)::int AS n FROM family WHERE desil_national BETWEEN 1 AND 5 GROUP BY kecamatan_code ORDER BY kecamatan_code`.execute(context.db);
  const shares = proportionalShares(DEMO_TARGET_UNITS, new Map(rows.rows.map((row) => [row.code, row.n])));
  await setTarget(context, DEMO_YEAR, { units: DEMO_TARGET_UNITS, kecamatan: [...shares.entries()].map(([kecamatanCode, units]) => ({ kecamatanCode, units })) });
}

/** Candidates of the registry, taken in turn from each kecamatan so that the chart per kecamatan has something to show. */
async function demoFamilies(context: RenovationContext, wanted: number) {
  const page = await renovationCandidates(context, { page: 1, pageSize: 200, minScore: 0 }, { audit: false });
  const byKecamatan = new Map<string, typeof page.items>();
  for (const item of page.items) {
    const code = item.villageCode.slice(0, 8);
    byKecamatan.set(code, [...(byKecamatan.get(code) ?? []), item]);
  }
  const queues = [...byKecamatan.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, items]) => items);
  const picked: typeof page.items = [];
  while (picked.length < wanted && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) if (queue.length > 0 && picked.length < wanted) picked.push(queue.shift()!);
  }
  return picked;
}

/**
 * Seeds the house renovation demo: a 1,500-unit target for 2026 split over kecamatan, and houses at every step of the
 * pipeline with APBD/APBN money, CSR and the community forum's materials and labour, progress reports and photos.
 * Deterministic for a given registry; does nothing when houses exist already or the PUPR/Perkim agency is missing.
 */
export async function seedDemoRenovation(handle: DatabaseHandle, progress: ProgressReporter = silentProgress, options: DemoRenovationOptions = {}): Promise<{ houses: number; photos: number }> {
  const { db } = handle;
  if ((await db.selectFrom('renovation_house').select('id').limit(1).execute()).length > 0) return { houses: 0, photos: 0 };
  const agencies = await db.selectFrom('agency').select(['id', 'kind']).where('kind', 'in', ['pupr_perkim', 'dinsos']).orderBy('created_at').execute();
  const perkim = agencies.find((agency) => agency.kind === 'pupr_perkim')?.id;
  const dinsos = agencies.find((agency) => agency.kind === 'dinsos')?.id ?? perkim;
  const first = await db.selectFrom('family').select('kecamatan_code').limit(1).executeTakeFirst();
  const jurisdiction = options.jurisdiction ?? first?.kecamatan_code.slice(0, 5);
  const context = jurisdiction ? await demoContext(db, options, jurisdiction) : null;
  if (!perkim || !dinsos || !context) return { houses: 0, photos: 0 };
  await seedTarget(context);
  const partners = await partnersByType(db);
  const plan = demoStagePlan();
  const families = await demoFamilies(context, plan.length);
  const bar = progress.start('Bedah rumah contoh / demo house renovation', families.length);
  let photos = 0;
  const photo = async (scene: 'before' | 'progress' | 'after', index: number, name: string) => {
    photos += 1;
    return { name, data: await demoPhoto(scene, index) };
  };
  try {
    for (const [index, family] of families.entries()) {
      const stage = plan[index]!;
      const day = (base: string) => addDays(base, index % 20);
      const id = await recordProposal(context, {
        familyId: family.familyId, year: DEMO_YEAR, source: index % 3 === 0 ? 'village' : 'registry', agencyId: index % 5 === 4 ? dinsos : perkim,
        proposer: index % 3 === 0 ? `Pemerintah Desa ${family.villageName ?? ''} (berita acara musdes)` : 'Skrining data DTSEN',
        note: index % 3 === 0 ? 'Usulan desa hasil musyawarah desa.' : null,
      });
      // Each step reads the house back (its version, stage and score), as an officer's next form would.
      const step = async (apply: () => Promise<void>): Promise<HouseRow> => {
        await apply();
        return (await findHouse(db, id))!;
      };
      let house = (await findHouse(db, id))!;
      if (stage === 'rejected') {
        await recordRejection(context, id, { version: house.version, reason: 'Rumah berdiri di atas tanah sengketa; belum ada surat keterangan tanah.', rejectedOn: day('2026-02-02') });
        bar.update(index + 1);
        continue;
      }
      if (reached(stage, 'assessed')) {
        // The field team finds what the registry cannot show: roof damage, rotten walls, poor ventilation. Houses that
        // go further are uninhabitable; one left at "assessed" may fall short of the threshold, as happens in the field.
        const further = stage !== 'assessed';
        const criteria = {
          ...family.criteria, roof: true, wall: family.criteria.wall || further || index % 3 !== 0, floor: family.criteria.floor || further || index % 4 !== 3, ventilation: index % 2 === 0,
        };
        house = await step(() => recordAssessment(context, id, { version: house.version, criteria, floorAreaM2: null, occupants: null, assessedOn: day('2026-01-12'), note: 'Penilaian lapangan oleh tim teknis.' }));
        const assessmentPhoto = await photo('before', index, `penilaian-${index + 1}.jpg`);
        house = await step(() => recordPhotos(context, id, demoParts({ kind: 'assessment', caption: 'Kondisi rumah saat penilaian' }, [assessmentPhoto])));
      }
      if (reached(stage, 'verified') && (house.score ?? 0) >= 50) {
        house = await step(() => recordVerification(context, id, { version: house.version, verifiedOn: day('2026-02-09'), note: null }));
        const fund = (input: Parameters<typeof recordFunding>[2]) => recordFunding(context, id, input);
        if (index % 3 === 2) await fund({ source: 'apbn', partnerId: null, form: 'money', value: 20_000_000, description: 'BSPS: Rp17,5 juta bahan + Rp2,5 juta upah', contributedOn: day('2026-02-20') });
        else await fund({ source: 'apbd', partnerId: null, form: 'materials', value: 17_500_000, description: 'Bahan bangunan (APBD Perkim)', contributedOn: day('2026-02-20') });
        if (partners.forum && index % 2 === 0) await fund({ source: 'community', partnerId: partners.forum, form: 'labour', value: 2_500_000, description: 'Gotong royong 10 relawan × 5 hari', contributedOn: day('2026-03-10') });
        if (partners.forum && index % 4 === 0) await fund({ source: 'community', partnerId: partners.forum, form: 'materials', value: 1_500_000, description: 'Semen 20 sak dan cat', contributedOn: day('2026-03-12') });
        if (partners.csr && index % 3 === 1) await fund({ source: 'csr', partnerId: partners.csr, form: 'money', value: 5_000_000, description: 'Dana CSR untuk jamban sehat', contributedOn: day('2026-03-05') });
        if (index % 5 === 3) await fund({ source: 'dana_desa', partnerId: null, form: 'money', value: 2_000_000, description: 'Dana Desa: upah tukang', contributedOn: day('2026-03-15') });
        house = (await findHouse(db, id))!;
      }
      if (reached(stage, 'scheduled') && house.stage === 'verified') {
        house = await step(() => recordSchedule(context, id, { version: house.version, plannedStart: day('2026-03-16'), plannedEnd: day('2026-05-15'), budget: 20_000_000 }));
      }
      if (reached(stage, 'in_progress') && house.stage === 'scheduled') {
        const steps = stage === 'completed' ? [30, 65, 100] : [20, 45, 70].slice(0, 1 + (index % 3));
        for (const [n, percent] of steps.entries()) {
          const last = n === steps.length - 1;
          const pictures = last || n === 1 ? [await photo(percent === 100 ? 'after' : 'progress', index + n, `progres-${percent}.jpg`)] : [];
          house = await step(() => recordProgressReport(context, id, demoParts({ percent: String(percent), recordedOn: day(addDays('2026-03-20', n * 21)), note: `Pekerjaan ${percent}%` }, pictures)));
        }
      }
      if (stage === 'completed' && house.stage === 'in_progress') {
        const afterPhoto = await photo('after', index, `sesudah-${index + 1}.jpg`);
        house = await step(() => recordPhotos(context, id, demoParts({ kind: 'after', caption: 'Rumah setelah dibedah' }, [afterPhoto])));
        await recordCompletion(context, id, { version: house.version, completedOn: day('2026-05-20'), handoverOn: day('2026-05-25'), note: 'Serah terima kunci disaksikan kepala desa.' });
      }
      bar.update(index + 1);
    }
  } finally {
    bar.stop();
  }
  return { houses: families.length, photos };
}
