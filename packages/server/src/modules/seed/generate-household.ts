import { MARITAL, RELATION, type Sex } from '@sinergi/domain';
import type { Random } from './prng.ts';
import {
  CHILD_LEAVES_HOME_AGE, CHILDREN_WEIGHTS, FEMALE_HEAD_SHARE, GROWN_CHILD_STAYS_SHARE, HOUSEHOLD_TYPES, SINGLE_HEAD_MARITAL_WEIGHTS, SPOUSE_FROM_ELSEWHERE_SHARE, type HouseholdType,
  type WelfareGroup,
} from './proportions.ts';

/** A member before personal traits are drawn: who they are in the household. */
export interface DraftMember {
  sex: Sex;
  age: number;
  relation: number;
  maritalStatus: number;
  /** Kecamatan where the NIK was first issued. */
  nikKecamatan: string;
}

export interface DraftHousehold {
  type: HouseholdType;
  members: DraftMember[];
}

interface Context {
  rng: Random;
  group: WelfareGroup;
  homeKecamatan: string;
  kecamatanCodes: readonly string[];
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}

function nikKecamatan(ctx: Context, movedInShare: number): string {
  if (ctx.kecamatanCodes.length > 1 && ctx.rng.chance(movedInShare)) return ctx.rng.pick(ctx.kecamatanCodes);
  return ctx.homeKecamatan;
}

function wifeAge(ctx: Context, husbandAge: number): number {
  return clamp(husbandAge - 3 + ctx.rng.normal() * 3, 18, husbandAge + 6);
}

/** Children still at home, given the mother's age: not yet born and grown-up children are left out. */
function children(ctx: Context, motherAge: number): DraftMember[] {
  const planned = ctx.rng.weightedIndex(CHILDREN_WEIGHTS[ctx.group]);
  const firstBirthAge = ctx.group === 'poor' ? ctx.rng.int(18, 23) : ctx.rng.int(20, 28);
  const kids: DraftMember[] = [];
  let motherAgeAtBirth = firstBirthAge;
  for (let i = 0; i < planned; i++) {
    const age = motherAge - motherAgeAtBirth;
    if (age < 0) break;
    if (age <= CHILD_LEAVES_HOME_AGE || ctx.rng.chance(GROWN_CHILD_STAYS_SHARE)) {
      kids.push({ sex: ctx.rng.chance(0.5) ? 'P' : 'L', age, relation: RELATION.child, maritalStatus: MARITAL.single, nikKecamatan: ctx.homeKecamatan });
    }
    motherAgeAtBirth += ctx.rng.int(2, 5);
  }
  if (kids.length === 0 && motherAge >= 19) {
    kids.push({ sex: ctx.rng.chance(0.5) ? 'P' : 'L', age: ctx.rng.int(0, Math.min(CHILD_LEAVES_HOME_AGE, motherAge - 19)), relation: RELATION.child, maritalStatus: MARITAL.single, nikKecamatan: ctx.homeKecamatan });
  }
  return kids;
}

function couple(ctx: Context, husbandAge: number): DraftMember[] {
  return [
    { sex: 'L', age: husbandAge, relation: RELATION.head, maritalStatus: MARITAL.married, nikKecamatan: ctx.homeKecamatan },
    { sex: 'P', age: wifeAge(ctx, husbandAge), relation: RELATION.spouse, maritalStatus: MARITAL.married, nikKecamatan: nikKecamatan(ctx, SPOUSE_FROM_ELSEWHERE_SHARE) },
  ];
}

function singleHead(ctx: Context, age: number, femaleShare: number, marital: Readonly<Record<number, number>>): DraftMember {
  return { sex: ctx.rng.chance(femaleShare) ? 'P' : 'L', age, relation: RELATION.head, maritalStatus: ctx.rng.weightedCode(marital), nikKecamatan: ctx.homeKecamatan };
}

/** Household composition and ages, drawn for the family's welfare group. */
export function draftHousehold(rng: Random, group: WelfareGroup, homeKecamatan: string, kecamatanCodes: readonly string[]): DraftHousehold {
  const ctx: Context = { rng, group, homeKecamatan, kecamatanCodes };
  const type = rng.weighted(HOUSEHOLD_TYPES[group]);
  switch (type) {
    case 'single_elderly': {
      const age = 60 + Math.floor(rng.next() ** 1.4 * 33);
      return { type, members: [singleHead(ctx, age, FEMALE_HEAD_SHARE.single_elderly, SINGLE_HEAD_MARITAL_WEIGHTS.single_elderly)] };
    }
    case 'single_adult':
      return { type, members: [singleHead(ctx, rng.int(20, 59), FEMALE_HEAD_SHARE.single_adult, SINGLE_HEAD_MARITAL_WEIGHTS.single_adult)] };
    case 'couple':
      return { type, members: couple(ctx, rng.chance(0.5) ? rng.int(22, 34) : rng.int(50, 80)) };
    case 'nuclear': {
      const members = couple(ctx, clamp(41 + rng.normal() * 9, 22, 64));
      return { type, members: [...members, ...children(ctx, members[1]?.age ?? 30)] };
    }
    case 'single_parent': {
      const head = singleHead(ctx, rng.int(26, 60), FEMALE_HEAD_SHARE.single_parent, SINGLE_HEAD_MARITAL_WEIGHTS.single_parent);
      return { type, members: [head, ...children(ctx, head.sex === 'P' ? head.age : head.age - 3)] };
    }
    case 'extended': {
      const members = couple(ctx, clamp(42 + rng.normal() * 9, 24, 64));
      const head = members[0]?.age ?? 42;
      members.push(...children(ctx, members[1]?.age ?? 30));
      const parents = rng.chance(0.8) ? 1 : 2;
      for (let i = 0; i < parents; i++) {
        const sex: Sex = parents === 2 ? (i === 0 ? 'L' : 'P') : rng.chance(0.7) ? 'P' : 'L';
        members.push({
          sex, age: Math.min(97, head + rng.int(22, 32)), relation: RELATION.parent,
          maritalStatus: parents === 2 ? MARITAL.married : MARITAL.widowed, nikKecamatan: nikKecamatan(ctx, 0.3),
        });
      }
      if (head >= 45 && rng.chance(0.3)) {
        members.push({ sex: rng.chance(0.5) ? 'P' : 'L', age: rng.int(0, 6), relation: RELATION.grandchild, maritalStatus: MARITAL.single, nikKecamatan: homeKecamatan });
      }
      return { type, members };
    }
  }
}
