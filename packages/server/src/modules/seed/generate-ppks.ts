import { RELATION, type Sex } from '@sinergi/domain';
import type { Random } from './prng.ts';
import { PPKS_RATES } from './proportions.ts';

export interface PpksSubject {
  age: number;
  sex: Sex;
  relation: number;
  disabilities: readonly string[];
  specialStatus: readonly string[];
}

export interface PpksFamily {
  desil: number;
  livesAlone: boolean;
  disasterAffected: boolean;
}

type Rule = readonly [code: keyof typeof PPKS_RATES, applies: (p: PpksSubject, f: PpksFamily) => boolean];

// Who each PPKS rate applies to; the rates themselves live in proportions.ts.
const RULES: readonly Rule[] = [
  ['fakir_miskin', (p, f) => p.relation === RELATION.head && f.desil === 1],
  ['penyandang_disabilitas', (p, f) => p.age >= 18 && p.disabilities.length > 0 && f.desil <= 4],
  ['anak_dengan_kedisabilitasan', (p, f) => p.age < 18 && p.disabilities.length > 0 && f.desil <= 5],
  ['lanjut_usia_terlantar', (p, f) => p.age >= 60 && f.livesAlone && f.desil <= 3],
  ['perempuan_rawan_sosial_ekonomi', (p, f) => p.sex === 'P' && p.relation === RELATION.head && p.age >= 18 && p.age < 60 && f.desil <= 3],
  ['anak_terlantar', (p, f) => p.age >= 5 && p.age < 18 && f.desil === 1],
  ['anak_balita_terlantar', (p, f) => p.age < 5 && f.desil === 1],
  ['bekas_warga_binaan_lapas', (p, f) => p.age >= 20 && p.age <= 60 && f.desil <= 5 && !p.specialStatus.includes('warga_binaan')],
  ['pemulung', (p, f) => p.age >= 20 && p.age <= 65 && f.desil <= 2],
  ['pengemis', (p, f) => p.age >= 18 && f.desil === 1],
  ['gelandangan', (p, f) => p.age >= 18 && f.desil === 1],
  ['pekerja_migran_bermasalah_sosial', (p, f) => p.specialStatus.includes('pekerja_migran') && f.desil <= 4],
  ['korban_tindak_kekerasan', (p) => p.sex === 'P' && p.age >= 18 && p.age <= 60],
  ['anak_korban_tindak_kekerasan', (p) => p.age < 18],
  ['anak_berhadapan_dengan_hukum', (p, f) => p.sex === 'L' && p.age >= 12 && p.age < 18 && f.desil <= 3],
  ['korban_penyalahgunaan_napza', (p) => p.sex === 'L' && p.age >= 15 && p.age <= 40],
  ['korban_perdagangan_orang', (p, f) => p.sex === 'P' && p.age >= 18 && p.age <= 35 && f.desil <= 3],
  ['odha', (p) => p.age >= 18],
  ['keluarga_bermasalah_sosial_psikologis', (p, f) => p.relation === RELATION.head && f.desil <= 4],
];

/** PPKS categories of one member: rare, and concentrated where welfare is low. */
export function ppksOf(rng: Random, person: PpksSubject, family: PpksFamily): string[] {
  const codes: string[] = [];
  for (const [code, applies] of RULES) if (applies(person, family) && rng.chance(PPKS_RATES[code])) codes.push(code);
  if (family.disasterAffected) codes.push('korban_bencana_alam');
  return codes;
}
