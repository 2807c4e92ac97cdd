import { describe, expect, it } from 'vitest';
import type { Condition } from './ast.ts';
import { describeConditionInline, describeConditionLines, describeRule } from './describe.ts';
import { BUSINESS_PACKAGE_RULE, HOUSE_RENOVATION_RULE } from './examples.ts';

const names = {
  programKindLabels: { business_package: { id: 'Paket usaha', en: 'Business package' }, house_renovation: { id: 'Bedah rumah', en: 'House renovation' } },
  regionNames: { '35.07.01': 'Donomulyo', '35.07.02': 'Kalipare' },
};

describe('describeRule', () => {
  it('reads the business package rule as the program page and the decree show it', () => {
    expect(describeRule(BUSINESS_PACKAGE_RULE, 'id', names)).toBe([
      'Memenuhi semua syarat berikut:',
      '1. Desil nasional antara 1 dan 5',
      '2. Status usaha keluarga adalah Usaha macet',
      '3. Kepala keluarga: umur antara 18 dan 59 tahun',
      '4. Belum menerima program jenis Paket usaha pada tahun berjalan',
    ].join('\n'));
    expect(describeRule(BUSINESS_PACKAGE_RULE, 'en', names)).toBe([
      'Meets all of the following:',
      '1. National decile is between 1 and 5',
      '2. Family business status is Business stalled',
      '3. Head of family: age is between 18 and 59 years',
      '4. Has not received a program of kind Business package this year',
    ].join('\n'));
  });

  it('numbers nested groups by depth and lists codes by their labels', () => {
    const text = describeRule(HOUSE_RENOVATION_RULE, 'id', names);
    expect(text.split('\n')).toEqual([
      'Memenuhi semua syarat berikut:',
      '1. Desil nasional paling tinggi 5',
      '2. Status kepemilikan rumah adalah Milik sendiri',
      '3. Memenuhi paling sedikit satu syarat berikut:',
      '   a. Jenis lantai terluas salah satu dari: Kayu/papan, Bambu, Tanah',
      '   b. Jenis dinding terluas salah satu dari: Anyaman bambu, Batang kayu, Bambu',
      '   c. Jenis atap terluas salah satu dari: Bambu, Kayu/sirap, Jerami/ijuk/daun-daunan/rumbia',
      '   d. Fasilitas buang air besar adalah Tidak ada fasilitas',
      '   e. Luas lantai per orang kurang dari 7,2 m²',
      '4. Belum menerima program jenis Bedah rumah',
    ]);
  });

  it('phrases member groups, counts, negated groups, regions and Rupiah', () => {
    const condition: Condition = {
      kind: 'all',
      conditions: [
        { kind: 'compare', field: 'kecamatanCode', op: 'in', value: ['35.07.01', '35.07.02'] },
        { kind: 'compare', field: 'businessTurnover', op: '<', value: 1_500_000 },
        { kind: 'countMembers', op: '>=', value: 1, where: { kind: 'compare', field: 'age', op: '>=', value: 60 } },
        { kind: 'countMembers', op: 'between', value: [2, 4] },
        { kind: 'anyMember', where: { kind: 'all', conditions: [{ kind: 'compare', field: 'sex', op: '=', value: 'P' }, { kind: 'compare', field: 'ppks', op: 'contains', value: 'penyandang_disabilitas' }] } },
        { kind: 'not', condition: { kind: 'any', conditions: [{ kind: 'compare', field: 'assets', op: 'contains', value: 'mobil' }, { kind: 'compare', field: 'powerVa', op: '>', value: 1300 }] } },
      ],
    };
    const lines = describeConditionLines(condition, names).map((line) => `${line.depth} ${line.text.id} | ${line.text.en}`);
    expect(lines).toEqual([
      '0 Memenuhi semua syarat berikut: | Meets all of the following:',
      '1 Kecamatan salah satu dari: Donomulyo (35.07.01), Kalipare (35.07.02) | District (kecamatan) is one of: Donomulyo (35.07.01), Kalipare (35.07.02)',
      '1 Omzet usaha per bulan kurang dari Rp 1.500.000 | Monthly business turnover is less than IDR 1,500,000',
      '1 Jumlah anggota keluarga dengan umur paling rendah 60 tahun: paling sedikit 1 | Number of family members for whom age is at least 60 years: at least 1',
      '1 Jumlah anggota keluarga antara 2 dan 4 | Number of family members is between 2 and 4',
      '1 Paling sedikit satu anggota keluarga memenuhi syarat berikut: | At least one family member meets the following:',
      '2 Memenuhi semua syarat berikut: | Meets all of the following:',
      '3 Jenis kelamin adalah Perempuan | Sex is Female',
      '3 Kategori PPKS memuat Penyandang disabilitas | PPKS category include Person with disability',
      '1 Tidak memenuhi satu pun syarat berikut: | Meets none of the following:',
      '2 Aset yang dimiliki memuat Mobil | Assets owned include Car',
      '2 Daya listrik terpasang lebih dari 1.300 VA | Installed electric power is more than 1,300 VA',
    ]);
  });

  it('gives one line for a single condition, as priority keys and previews need', () => {
    expect(describeConditionInline({ kind: 'head', where: { kind: 'compare', field: 'sex', op: '=', value: 'P' } })).toEqual({
      id: 'Kepala keluarga: jenis kelamin adalah Perempuan',
      en: 'Head of family: sex is Female',
    });
    expect(describeConditionInline({ kind: 'receivedProgram', period: { lastMonths: 12 } })).toEqual({
      id: 'Menerima program apa pun dalam 12 bulan terakhir',
      en: 'Received any program in the last 12 months',
    });
  });
});
