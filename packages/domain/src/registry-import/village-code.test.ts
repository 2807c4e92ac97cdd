import { describe, expect, it } from 'vitest';
import { RowReader } from './row-reader.ts';
import type { ColumnMapping, RawRow } from './types.ts';
import { codeDigits, readVillageCode } from './village-code.ts';

const PARTS: ColumnMapping['family'] = { provinceCode: 'prov', regencyCode: 'kab', kecamatanCode: 'kec', villageLocalCode: 'desa' };
const FULL: ColumnMapping['family'] = { villageCode: 'kode_wilayah' };

function read(row: RawRow, family: ColumnMapping['family'], jurisdiction = '35.07') {
  const reader = new RowReader(row);
  const code = readVillageCode(reader, family, jurisdiction);
  return { code, issues: reader.issues.map((issue) => ({ field: issue.field, code: issue.code })) };
}

describe('readVillageCode', () => {
  it.each([
    ['one dotted code', { kode_wilayah: '35.07.13.2001' }, FULL],
    ['one undotted code', { kode_wilayah: '3507132001' }, FULL],
    ['one code as a number', { kode_wilayah: 3507132001 }, FULL],
    ['local parts as text', { prov: '35', kab: '07', kec: '13', desa: '2001' }, PARTS],
    ['local parts as numbers that lost their zeros', { prov: 35, kab: 7, kec: 13, desa: 2001 }, PARTS],
    ['cumulative parts', { prov: '35', kab: '3507', kec: '350713', desa: '3507132001' }, PARTS],
    ['dotted cumulative parts', { prov: '35', kab: '35.07', kec: '35.07.13', desa: '35.07.13.2001' }, PARTS],
    ['a regency typed into Excel as a decimal', { prov: 35, kab: 35.07, kec: 13, desa: 2001 }, PARTS],
    ['kecamatan and village only, the kecamatan carrying the full prefix', { kec: '350713', desa: '2001' }, PARTS],
    ['the full code in the village column alone', { desa: '3507132001' }, PARTS],
    ['a full code and agreeing parts', { kode_wilayah: '35.07.13.2001', kec: '13' }, { ...FULL, ...PARTS }],
  ])('assembles %s', (_, row, family) => {
    expect(read(row, family)).toEqual({ code: '35.07.13.2001', issues: [] });
  });

  it('keeps the trailing zero of regency 10 that Excel turned into 35.1', () => {
    expect(read({ prov: 35, kab: 35.1, kec: 1, desa: 2001 }, PARTS, '35')).toEqual({ code: '35.10.01.2001', issues: [] });
  });

  it('rejects villages outside the jurisdiction', () => {
    expect(read({ kode_wilayah: '35.08.01.2001' }, FULL)).toEqual({ code: null, issues: [{ field: 'villageCode', code: 'village_outside_jurisdiction' }] });
    expect(read({ prov: 36, kab: 7, kec: 13, desa: 2001 }, PARTS)).toEqual({ code: null, issues: [{ field: 'villageLocalCode', code: 'village_outside_jurisdiction' }] });
  });

  it('names the missing part of an incomplete code', () => {
    const reader = new RowReader({ kab: '07', kec: '13', desa: '2001' });
    expect(readVillageCode(reader, PARTS, '35.07')).toBeNull();
    expect(reader.issues[0]?.code).toBe('village_code_incomplete');
    expect(reader.issues[0]?.message.id).toContain('kode provinsi');
    expect(read({ prov: '35', kab: '07', kec: '13' }, PARTS).issues).toEqual([{ field: 'kecamatanCode', code: 'village_code_incomplete' }]);
  });

  it('rejects parts that contradict each other', () => {
    expect(read({ kode_wilayah: '35.07.13.2001', kec: '14' }, { ...FULL, ...PARTS }).issues).toEqual([{ field: 'kecamatanCode', code: 'village_parts_conflict' }]);
    expect(read({ prov: '35', kab: '3607', kec: '13', desa: '2001' }, PARTS, '36').issues).toEqual([{ field: 'provinceCode', code: 'village_parts_conflict' }]);
  });

  it('explains BPS codes and refuses malformed codes', () => {
    expect(read({ prov: '35', kab: '07', kec: '010', desa: '2001' }, PARTS).issues).toEqual([{ field: 'kecamatanCode', code: 'village_code_bps' }]);
    expect(read({ kode_wilayah: '35.07.13' }, FULL).issues).toEqual([{ field: 'villageCode', code: 'village_code_invalid' }]);
    expect(read({ kode_wilayah: 'Desa Sukamaju' }, FULL).issues).toEqual([{ field: 'villageCode', code: 'village_code_invalid' }]);
  });

  it('requires a village code', () => {
    expect(read({ kode_wilayah: '' }, FULL).issues).toEqual([{ field: 'villageCode', code: 'required_missing' }]);
    expect(read({}, {}).issues).toEqual([{ field: 'villageCode', code: 'column_not_mapped' }]);
  });
});

describe('codeDigits', () => {
  it('pads local parts stored as numbers and refuses widths no Kemendagri code has', () => {
    expect(codeDigits(7, 'regencyCode')).toEqual({ ok: true, digits: '07' });
    expect(codeDigits("'07", 'kecamatanCode')).toEqual({ ok: true, digits: '07' });
    expect(codeDigits('35.7.1.2001', 'villageCode')).toEqual({ ok: true, digits: '3507012001' });
    expect(codeDigits('123', 'regencyCode')).toEqual({ ok: false, bps: false });
    expect(codeDigits('001', 'villageLocalCode')).toEqual({ ok: false, bps: true });
  });
});
