import { SCHOOLING_STATUS, WORK_STATUS } from '@sinergi/domain';
import type { DraftMember } from './generate-household.ts';
import type { Random } from './prng.ts';
import {
  CHRONIC_ILLNESS_BY_AGE, CHRONIC_ILLNESS_WEIGHTS, DISABILITY_BY_AGE, DISABILITY_ITEM_COUNT_WEIGHTS, DISABILITY_ITEM_WEIGHTS,
  DISABILITY_WELFARE_FACTOR, EDUCATION_WEIGHTS, FARM_SECTOR_WEIGHTS, FARM_WORK_SHARE, MIGRANT_WORKER_SHARE_ADULTS_20_45,
  OLDER_COHORT_EDUCATION_DROP, PREGNANT_SHARE_MARRIED_WOMEN_18_42, PRISON_INMATE_SHARE_WOMEN_18_50, WORK_SECTOR_WEIGHTS, WORK_STATUS_WEIGHTS,
  WORKING_SHARE, type WelfareGroup,
} from './proportions.ts';

export interface PersonTraits {
  schooling: number | null;
  education: number | null;
  workStatus: number | null;
  workSector: string | null;
  disabilities: string[];
  chronicIllness: string | null;
  specialStatus: string[];
}

export interface PersonContext {
  rng: Random;
  group: WelfareGroup;
  desil: number;
  urban: boolean;
  birthYear: number;
}

/** Age at which each certificate (EDUCATION_LEVELS code) is usually earned. */
const CERTIFICATE_AGE = [0, 12, 15, 18, 21, 22, 25];

function certificateHeld(finalLevel: number, age: number): number {
  const path = [1, 2, 3, ...(finalLevel === 4 ? [4] : finalLevel >= 5 ? [5] : []), ...(finalLevel === 6 ? [6] : [])];
  let held = 0;
  for (const level of path) if (level <= finalLevel && (CERTIFICATE_AGE[level] ?? 99) <= age) held = level;
  return held;
}

function schoolingOf(ctx: PersonContext, age: number, finalLevel: number): number {
  if (age < 7) return ctx.rng.chance(0.6) ? SCHOOLING_STATUS.attending : SCHOOLING_STATUS.never;
  if (age < 13) return SCHOOLING_STATUS.attending;
  if (finalLevel > 0 && age < (CERTIFICATE_AGE[finalLevel] ?? 0)) return SCHOOLING_STATUS.attending;
  if (finalLevel === 0) return ctx.rng.chance(0.4) ? SCHOOLING_STATUS.never : SCHOOLING_STATUS.left;
  return SCHOOLING_STATUS.left;
}

function workSectorOf(ctx: PersonContext, status: number): string {
  const { rng } = ctx;
  if (status === WORK_STATUS.civilServant) return rng.pick(['pemerintahan', 'pendidikan', 'kesehatan']);
  if (status === WORK_STATUS.casualFarm) return rng.weighted(FARM_SECTOR_WEIGHTS);
  if (status === WORK_STATUS.casualNonFarm) return rng.pick(['konstruksi', 'perdagangan', 'transportasi', 'industri_pengolahan']);
  if (rng.chance(ctx.urban ? FARM_WORK_SHARE.kelurahan : FARM_WORK_SHARE.desa)) return rng.weighted(FARM_SECTOR_WEIGHTS);
  return rng.weighted(WORK_SECTOR_WEIGHTS);
}

function ageBand(age: number): 'youth' | 'adult' | 'senior' | 'elderly' {
  if (age < 20) return 'youth';
  if (age < 60) return 'adult';
  return age < 70 ? 'senior' : 'elderly';
}

function disabilitiesOf(ctx: PersonContext, age: number): string[] {
  const { rng } = ctx;
  const base = age < 18 ? DISABILITY_BY_AGE.child : age < 60 ? DISABILITY_BY_AGE.adult : age < 75 ? DISABILITY_BY_AGE.senior : DISABILITY_BY_AGE.elderly;
  if (!rng.chance(base * DISABILITY_WELFARE_FACTOR[ctx.group])) return [];
  const count = rng.weightedIndex(DISABILITY_ITEM_COUNT_WEIGHTS) + 1;
  const items = new Set<string>();
  while (items.size < count) items.add(rng.weighted(DISABILITY_ITEM_WEIGHTS));
  return [...items].sort();
}

function chronicIllnessOf(ctx: PersonContext, age: number): string | null {
  const p = age < 40 ? CHRONIC_ILLNESS_BY_AGE.young : age < 60 ? CHRONIC_ILLNESS_BY_AGE.middle : CHRONIC_ILLNESS_BY_AGE.old;
  return ctx.rng.chance(p) ? ctx.rng.weighted(CHRONIC_ILLNESS_WEIGHTS) : null;
}

function specialStatusOf(ctx: PersonContext, member: DraftMember): string[] {
  const { rng } = ctx;
  const { age, sex } = member;
  if (sex === 'P' && age >= 18 && age <= 50 && ctx.desil <= 6 && rng.chance(PRISON_INMATE_SHARE_WOMEN_18_50)) return ['warga_binaan'];
  if (age >= 20 && age <= 45 && ctx.desil >= 2 && ctx.desil <= 6 && rng.chance(MIGRANT_WORKER_SHARE_ADULTS_20_45)) return ['pekerja_migran'];
  if (sex === 'P' && member.maritalStatus === 2 && age >= 18 && age <= 42 && rng.chance(PREGNANT_SHARE_MARRIED_WOMEN_18_42)) return ['hamil'];
  return [];
}

/** Schooling, work, health and special statuses of one member, drawn for their age and household welfare. */
export function personTraits(ctx: PersonContext, member: DraftMember): PersonTraits {
  const { rng, group } = ctx;
  const { age } = member;
  const specialStatus = specialStatusOf(ctx, member);
  let schooling: number | null = null;
  let education: number | null = null;
  if (age >= 5) {
    let finalLevel = rng.weightedIndex(EDUCATION_WEIGHTS[group]);
    if (ctx.birthYear < 1965 && finalLevel > 0 && rng.chance(OLDER_COHORT_EDUCATION_DROP)) finalLevel--;
    schooling = schoolingOf(ctx, age, finalLevel);
    education = certificateHeld(finalLevel, age);
  }
  let workStatus: number | null = null;
  let workSector: string | null = null;
  if (specialStatus.includes('pekerja_migran')) {
    workStatus = WORK_STATUS.employee;
    workSector = rng.pick(['jasa_lainnya', 'industri_pengolahan', 'perkebunan', 'konstruksi']);
  } else if (age >= 15 && specialStatus.includes('warga_binaan')) {
    workStatus = WORK_STATUS.none;
  } else if (age >= 15) {
    const working = schooling !== SCHOOLING_STATUS.attending && rng.chance(WORKING_SHARE[member.sex][ageBand(age)]);
    workStatus = working ? rng.weightedCode(WORK_STATUS_WEIGHTS[group]) : WORK_STATUS.none;
    workSector = working ? workSectorOf(ctx, workStatus) : null;
  }
  return { schooling, education, workStatus, workSector, disabilities: disabilitiesOf(ctx, age), chronicIllness: chronicIllnessOf(ctx, age), specialStatus };
}
