import fs from 'node:fs';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { csvLine } from '../../../packages/server/src/db/database.ts';
import type { DB } from '../../../packages/server/src/db/schema/index.ts';
import { generateFamilies } from '../../../packages/server/src/modules/seed/generate-population.ts';
import { villagesUnder } from '../../../packages/server/src/modules/seed/queries.ts';
import type { GeneratedFamily, GeneratedMember } from '../../../packages/server/src/modules/seed/types.ts';
import { planVillages } from '../../../packages/server/src/modules/seed/village-plan.ts';

/**
 * A DTSEN-style export (families file + individuals file, the column names of DOMAIN.md) written from the demo
 * generator: the same households `seedDemo` would create, as an operator would receive them from the ministry.
 */

export const FAMILY_HEADERS = [
  'nomor_kartu_keluarga', 'kode_provinsi', 'kode_kabupaten_kota', 'kode_kecamatan', 'kode_kelurahan_desa', 'alamat', 'rt', 'rw', 'dusun',
  'nama_kepala_keluarga', 'jumlah_anggota_keluarga', 'desil_nasional', 'desil_provinsi', 'desil_kabupaten_kota', 'status_kepemilikan_rumah',
  'jenis_lantai_terluas', 'luas_lantai', 'jenis_dinding_terluas', 'jenis_atap_terluas', 'sumber_air_minum_utama', 'sumber_penerangan_utama',
  'daya_terpasang', 'bahan_bakar_utama_memasak', 'fasilitas_bab', 'kepemilikan_aset', 'status_usaha', 'sektor_usaha', 'omzet_usaha_keluarga',
  'tanggal_pendataan',
];

export const MEMBER_HEADERS = [
  'nomor_induk_kependudukan', 'nomor_kartu_keluarga', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'status_hubungan_keluarga', 'status_kawin',
  'partisipasi_sekolah', 'ijazah_tertinggi_yang_dimiliki', 'status_bekerja', 'lapangan_usaha_dari_pekerjaan_utama', 'disabilitas',
  'penyakit_kronis', 'ppks', 'status_khusus',
];

const BUSINESS_STATUS = { none: 'tidak ada', active: 'aktif', stalled: 'macet' } as const;

/** 17/08/1975, as Excel in Indonesia writes dates into CSV. */
function dmy(iso: string): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const list = (items: readonly string[]) => (items.length ? items.join(';') : null);

function familyLine(f: GeneratedFamily): string {
  const [province, regency, kecamatan, village] = f.villageCode.split('.');
  return csvLine([
    f.noKk, province, regency, kecamatan, village, f.address, f.rt, f.rw, f.dusun, f.headName, f.members.length, f.desilNational, f.desilProvince,
    f.desilRegency, f.houseOwnership, f.floorType, f.floorAreaM2, f.wallType, f.roofType, f.waterSource, f.lighting, f.powerVa, f.cookingFuel,
    f.toilet, list(f.assets), BUSINESS_STATUS[f.businessStatus], f.businessSector, f.businessTurnover, dmy(f.dataDate),
  ]);
}

function memberLine(f: GeneratedFamily, m: GeneratedMember): string {
  return csvLine([
    m.nik, f.noKk, m.name, dmy(m.birthDate), m.sex, m.relation, m.maritalStatus, m.schooling, m.education, m.workStatus, m.workSector,
    list(m.disabilities), m.chronicIllness, list(m.ppks), list(m.specialStatus),
  ]);
}

export interface DtsenFiles {
  familyFile: string;
  memberFile: string;
  families: number;
  members: number;
  bytes: number;
}

class LineWriter {
  private readonly out: fs.WriteStream;
  private buffer: string[] = [];
  bytes = 0;

  constructor(file: string) {
    this.out = fs.createWriteStream(file);
  }

  async write(line: string): Promise<void> {
    this.buffer.push(line);
    if (this.buffer.length >= 5_000) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.buffer.join('\r\n') + '\r\n';
    this.buffer = [];
    this.bytes += Buffer.byteLength(text);
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Writes `families` generated households (deterministic for the seed) as the two CSV files of a DTSEN export. */
export async function writeDtsenFiles(
  db: Kysely<DB>,
  target: { familyFile: string; memberFile: string },
  options: { families: number; seed: number; regionCode: string; referenceDate: string },
): Promise<DtsenFiles> {
  const villages = await villagesUnder(db, options.regionCode);
  const plan = planVillages(villages, options.seed);
  const familyOut = new LineWriter(target.familyFile);
  const memberOut = new LineWriter(target.memberFile);
  await familyOut.write(csvLine(FAMILY_HEADERS));
  await memberOut.write(csvLine(MEMBER_HEADERS));
  let members = 0;
  for (const family of generateFamilies(options.families, { plan, seed: options.seed, referenceDate: options.referenceDate })) {
    await familyOut.write(familyLine(family));
    for (const member of family.members) {
      await memberOut.write(memberLine(family, member));
      members++;
    }
  }
  await familyOut.close();
  await memberOut.close();
  return { ...target, families: options.families, members, bytes: familyOut.bytes + memberOut.bytes };
}
