import { getVillages } from 'idn-area-data';
import { nikMismatches, parseKk, parseNik } from '@sinergi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFamilies } from './generate-population.ts';
import {
  DESIL_FAMILY_SHARES, STALLED_SHARE_DESIL_1_5, STALLED_SHARE_DESIL_6_10, TARGET_DISABILITY_PERSON_SHARE, TARGET_MEAN_FAMILY_SIZE,
  TARGET_POOR_PERSON_SHARE,
} from './proportions.ts';
import type { GeneratedFamily } from './types.ts';
import { planVillages, type Village, type VillagePlan } from './village-plan.ts';

const REFERENCE_DATE = '2026-11-23';
const today = new Date(2026, 10, 23);
let plan: VillagePlan;

beforeAll(async () => {
  const villages: Village[] = (await getVillages())
    .filter((v) => v.code.startsWith('35.07.'))
    .map((v) => ({ code: v.code, name: v.name, kind: v.code.slice(-4).startsWith('1') ? 'kelurahan' : 'desa' }));
  plan = planVillages(villages, 2026);
});

function generate(count: number, seed: number): GeneratedFamily[] {
  return [...generateFamilies(count, { plan, seed, referenceDate: REFERENCE_DATE })];
}

/** Four standard errors of a proportion plus a small allowance for what the model only approximates. */
function tolerance(p: number, n: number, modelSlack: number): number {
  return 4 * Math.sqrt((p * (1 - p)) / n) + modelSlack;
}

describe('demo population generator', () => {
  it('is deterministic: the same seed gives the same families, another seed others', () => {
    const first = generate(300, 7);
    expect(generate(300, 7)).toEqual(first);
    const other = generate(300, 8);
    expect(other.map((f) => f.noKk)).not.toEqual(first.map((f) => f.noKk));
    expect(other.flatMap((f) => f.members.map((m) => m.name))).not.toEqual(first.flatMap((f) => f.members.map((m) => m.name)));
  });

  it('gives every member a unique, valid NIK that matches their birth date, sex and a kecamatan of the region', () => {
    const families = generate(3000, 11);
    const kecamatan = new Set(plan.kecamatanCodes);
    const members = families.flatMap((f) => f.members);
    const problems = members.flatMap((member) => {
      const parsed = parseNik(member.nik, today);
      if (!parsed.ok) return [`${member.nik}: ${parsed.error}`];
      const issues = nikMismatches(parsed, member).map((m) => `${member.nik}: ${m.field} ${m.fromNik} ≠ ${m.recorded}`);
      if (parsed.birthDate !== member.birthDate) issues.push(`${member.nik}: century of ${member.birthDate}`);
      if (!kecamatan.has(parsed.regionCode)) issues.push(`${member.nik}: ${parsed.regionCode} is not in the region`);
      return issues;
    });
    expect(problems).toEqual([]);
    expect(new Set(members.map((m) => m.nik)).size).toBe(members.length);
  });

  it('gives every family a unique No KK issued by its own kecamatan, and one head', () => {
    const families = generate(3000, 12);
    expect(new Set(families.map((f) => f.noKk)).size).toBe(families.length);
    const problems = families.flatMap((family) => {
      const parsed = parseKk(family.noKk, today);
      if (!parsed.ok) return [`${family.noKk}: ${parsed.error}`];
      const issues: string[] = [];
      if (parsed.regionCode !== family.villageCode.slice(0, 8)) issues.push(`${family.noKk}: issued outside ${family.villageCode}`);
      const heads = family.members.filter((m) => m.relation === 1);
      if (heads.length !== 1 || heads[0]?.name !== family.headName) issues.push(`${family.noKk}: ${heads.length} heads`);
      if (family.members.some((m) => m.memberSince < m.birthDate || m.memberSince > REFERENCE_DATE)) issues.push(`${family.noKk}: membership dates`);
      return issues;
    });
    expect(problems).toEqual([]);
  });
});

describe('demo population proportions', () => {
  let families: GeneratedFamily[];
  let people: { desil: number; disabled: boolean; ppks: boolean; sex: string; inmate: boolean }[];

  beforeAll(() => {
    families = generate(20_000, 2026);
    people = families.flatMap((f) =>
      f.members.map((m) => ({ desil: f.desilNational, disabled: m.disabilities.length > 0, ppks: m.ppks.length > 0, sex: m.sex, inmate: m.specialStatus.includes('warga_binaan') })),
    );
  });

  it('spreads families over the desil as declared', () => {
    DESIL_FAMILY_SHARES.forEach((declared, index) => {
      const observed = families.filter((f) => f.desilNational === index + 1).length / families.length;
      expect(Math.abs(observed - declared)).toBeLessThan(tolerance(declared, families.length, 0.01));
    });
  });

  it('puts the BPS share of people in desil 1, with families of the declared mean size', () => {
    const sizes = families.map((f) => f.members.length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const sd = Math.sqrt(sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / sizes.length);
    expect(Math.abs(mean - TARGET_MEAN_FAMILY_SIZE)).toBeLessThan((4 * sd) / Math.sqrt(sizes.length) + 0.08);
    const poor = people.filter((p) => p.desil === 1).length / people.length;
    expect(Math.abs(poor - TARGET_POOR_PERSON_SHARE)).toBeLessThan(tolerance(TARGET_POOR_PERSON_SHARE, families.length, 0.01));
  });

  it('gives about the declared share of people a functional difficulty', () => {
    const disabled = people.filter((p) => p.disabled).length / people.length;
    expect(Math.abs(disabled - TARGET_DISABILITY_PERSON_SHARE)).toBeLessThan(tolerance(TARGET_DISABILITY_PERSON_SHARE, people.length, 0.005));
  });

  it('keeps PPKS rare and concentrated in the low desil', () => {
    const share = (rows: typeof people) => rows.filter((p) => p.ppks).length / rows.length;
    expect(share(people)).toBeLessThan(0.05);
    expect(share(people.filter((p) => p.desil <= 3))).toBeGreaterThan(5 * share(people.filter((p) => p.desil >= 8)));
  });

  it('makes houses of poor families worse: earth floors, no toilet, less floor area per person', () => {
    const poor = families.filter((f) => f.desilNational <= 2);
    const rich = families.filter((f) => f.desilNational >= 9);
    const share = (rows: GeneratedFamily[], test: (f: GeneratedFamily) => boolean) => rows.filter(test).length / rows.length;
    expect(share(poor, (f) => f.floorType === 8)).toBeGreaterThan(3 * share(rich, (f) => f.floorType === 8) + 0.05);
    expect(share(poor, (f) => f.toilet === 6)).toBeGreaterThan(share(rich, (f) => f.toilet === 6) + 0.05);
    const median = (rows: GeneratedFamily[]) => rows.map((f) => f.floorAreaM2 / f.members.length).sort((a, b) => a - b)[Math.floor(rows.length / 2)] ?? 0;
    expect(median(poor)).toBeLessThan(median(rich) / 1.5);
  });

  it('stalls businesses more often in desil 1–5, at the declared rates', () => {
    const businesses = families.filter((f) => f.businessStatus !== 'none');
    for (const [low, high, declared] of [[1, 5, STALLED_SHARE_DESIL_1_5], [6, 10, STALLED_SHARE_DESIL_6_10]] as const) {
      const group = businesses.filter((f) => f.desilNational >= low && f.desilNational <= high);
      const stalled = group.filter((f) => f.businessStatus === 'stalled').length / group.length;
      expect(Math.abs(stalled - declared)).toBeLessThan(tolerance(declared, group.length, 0.01));
    }
    expect(businesses.every((f) => (f.businessTurnover ?? -1) >= 0)).toBe(true);
    const turnover = (status: string) => businesses.filter((f) => f.businessStatus === status).reduce((a, f) => a + (f.businessTurnover ?? 0), 0);
    expect(turnover('active') / businesses.filter((f) => f.businessStatus === 'active').length).toBeGreaterThan(
      turnover('stalled') / businesses.filter((f) => f.businessStatus === 'stalled').length,
    );
  });

  it('flags a few women as prison inmates, and no men', () => {
    const inmates = people.filter((p) => p.inmate);
    expect(inmates.length).toBeGreaterThan(0);
    expect(inmates.length).toBeLessThan(people.length * 0.002);
    expect(inmates.every((p) => p.sex === 'P')).toBe(true);
  });
});
