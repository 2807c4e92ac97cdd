import { buildKk, buildNik, RELATION } from '@sinergi/domain';
import { draftHousehold, type DraftMember } from './generate-household.ts';
import { houseAndEconomy } from './generate-house.ts';
import { personTraits } from './generate-person.ts';
import { ppksOf } from './generate-ppks.ts';
import { chineseSurname, personName, type NamingTradition } from './names.ts';
import { pickAddress } from './places.ts';
import { Random } from './prng.ts';
import { DISASTER_FAMILY_SHARE, NAMING_WEIGHTS, welfareGroupOf } from './proportions.ts';
import { epochDay, isoOfEpochDay, SerialAllocator } from './serials.ts';
import type { GeneratedFamily, GeneratedMember } from './types.ts';
import { desilOf, pickVillage, type VillagePlan } from './village-plan.ts';

export interface GenerateOptions {
  plan: VillagePlan;
  seed: number;
  /** 'YYYY-MM-DD': ages, NIK centuries and `data_date` are relative to it. */
  referenceDate: string;
  /** Serials already used in the registry (append mode): new NIK and No KK serials start above them. */
  nikSerialStart?: number;
  kkSerialStart?: number;
}

const OLDEST_AGE = 110;
const FIRST_KK_ISSUE = epochDay('2006-01-01');
const DAYS_PER_YEAR = 365.2425;

function clampDesil(desil: number): number {
  return Math.max(1, Math.min(10, desil));
}

/** Regency and province ranks differ a little from the national one: each is re-ranked within a smaller population. */
function nearbyDesil(rng: Random, desil: number): number {
  const r = rng.next();
  return clampDesil(desil + (r < 0.15 ? -1 : r > 0.85 ? 1 : 0));
}

/**
 * Yields `count` families, deterministically for a given seed, plan and reference date. Streams: nothing but serial
 * counters is kept between families, so millions can be generated in constant memory.
 */
export function* generateFamilies(count: number, options: GenerateOptions): Generator<GeneratedFamily> {
  const { plan, referenceDate } = options;
  const rng = new Random(options.seed);
  const today = epochDay(referenceDate);
  const nikSerials = new SerialAllocator(today - Math.ceil((OLDEST_AGE + 1) * DAYS_PER_YEAR), today, options.nikSerialStart ?? 0);
  const kkSerials = new SerialAllocator(FIRST_KK_ISSUE, Math.max(today, FIRST_KK_ISSUE), options.kkSerialStart ?? 0);
  for (let i = 0; i < count; i++) {
    const village = pickVillage(plan, rng.next());
    const desil = desilOf(plan, village.welfareShift + rng.normal());
    const group = welfareGroupOf(desil);
    const household = draftHousehold(rng, group, village.kecamatanCode, plan.kecamatanCodes);
    const tradition = rng.weighted<NamingTradition>(NAMING_WEIGHTS);
    const surname = tradition === 'chinese' ? chineseSurname(rng) : '';
    const livesAlone = household.members.length === 1;
    const disasterAffected = village.disaster && rng.chance(DISASTER_FAMILY_SHARE);
    const urban = village.kind === 'kelurahan';
    const birthDays = household.members.map((m) => today - Math.floor(m.age * DAYS_PER_YEAR) - rng.int(0, 364));
    const youngest = Math.max(...birthDays);
    const issueDay = rng.int(Math.max(FIRST_KK_ISSUE, youngest), Math.max(today, FIRST_KK_ISSUE));
    const memberSince = isoOfEpochDay(issueDay);
    const members = household.members.map((draft: DraftMember, index): GeneratedMember => {
      const birthDay = Math.min(today, birthDays[index] ?? today);
      const birthDate = isoOfEpochDay(birthDay);
      const birthYear = Number(birthDate.slice(0, 4));
      const traits = personTraits({ rng, group, desil, urban, birthYear }, draft);
      if (livesAlone && draft.age >= 60) traits.specialStatus.push('lansia_tunggal');
      const ppks = ppksOf(rng, { ...draft, disabilities: traits.disabilities, specialStatus: traits.specialStatus }, { desil, livesAlone, disasterAffected });
      const serial = nikSerials.next(draft.nikKecamatan, birthDay, draft.sex === 'P' ? 1 : 0);
      return {
        nik: buildNik(draft.nikKecamatan, birthDate, draft.sex, serial),
        name: personName(rng, tradition, draft.sex, birthYear, surname),
        birthDate,
        sex: draft.sex,
        relation: draft.relation,
        maritalStatus: draft.maritalStatus,
        ...traits,
        ppks,
        memberSince,
      };
    });
    const { address, rt, rw, dusun } = pickAddress(rng, village.layout);
    yield {
      noKk: buildKk(village.kecamatanCode, memberSince, kkSerials.next(village.kecamatanCode, issueDay)),
      villageCode: village.code,
      address,
      rt,
      rw,
      dusun,
      headName: members.find((m) => m.relation === RELATION.head)?.name ?? members[0]?.name ?? '',
      desilNational: desil,
      desilProvince: nearbyDesil(rng, desil),
      desilRegency: nearbyDesil(rng, desil),
      ...houseAndEconomy(rng, desil),
      dataDate: referenceDate,
      members,
    };
  }
}
