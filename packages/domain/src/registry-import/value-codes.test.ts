import { describe, expect, it } from 'vitest';
import { ASSETS, FLOOR_TYPES } from '../reference/index.ts';
import { ASSET_MATCHER, HOUSE_MATCHERS, MEMBER_MATCHERS } from './code-matchers.ts';
import { codeMatcher, parseBusinessStatus, parseCode, parseCodeList, parseDifficulty, parsePowerVa, splitListCell } from './value-codes.ts';

describe('parseCode', () => {
  it.each([8, '8', '08', '8.0', '8,0', 8.0, 'Tanah', 'tanah ', 'TANAH', 'Earth', '8 - Tanah', '8. Tanah', '(8) Tanah', 'lantai tanah'])(
    'reads floor answer %s as code 8',
    (raw) => {
      expect(parseCode(HOUSE_MATCHERS.floorType, raw)).toEqual({ ok: true, value: 8 });
    },
  );

  it('reads one alternative of a label with slashes, and partial words when only one answer fits', () => {
    expect(parseCode(HOUSE_MATCHERS.floorType, 'Granit')).toEqual({ ok: true, value: 1 });
    expect(parseCode(HOUSE_MATCHERS.floorType, 'semen')).toEqual({ ok: true, value: 6 });
    expect(parseCode(HOUSE_MATCHERS.waterSource, 'Sumur bor')).toEqual({ ok: true, value: 4 });
    expect(parseCode(HOUSE_MATCHERS.cookingFuel, 'Gas elpiji 3 kg')).toEqual({ ok: true, value: 4 });
    expect(parseCode(HOUSE_MATCHERS.houseOwnership, 'Rumah milik sendiri')).toEqual({ ok: true, value: 1 });
    expect(parseCode(MEMBER_MATCHERS.relation, 'Anak kandung')).toEqual({ ok: true, value: 3 });
    expect(parseCode(MEMBER_MATCHERS.education, 'Tamat SMA')).toEqual({ ok: true, value: 3 });
  });

  it('refuses answers that fit no code or several', () => {
    expect(parseCode(HOUSE_MATCHERS.floorType, 'Emas')).toEqual({ ok: false, problem: { code: 'code_unknown' } });
    expect(parseCode(HOUSE_MATCHERS.floorType, 12)).toEqual({ ok: false, problem: { code: 'code_unknown' } });
    // Both protected and unprotected wells are "sumur".
    expect(parseCode(HOUSE_MATCHERS.waterSource, 'sumur')).toEqual({ ok: false, problem: { code: 'code_unknown' } });
  });

  it('leaves "none" answers empty only where asked to', () => {
    expect(parseCode(MEMBER_MATCHERS.chronicIllness, 'Tidak ada', { noneMeansEmpty: true })).toEqual({ ok: true, value: null });
    expect(parseCode(MEMBER_MATCHERS.chronicIllness, 'Darah tinggi', { noneMeansEmpty: true })).toEqual({ ok: true, value: 'hipertensi' });
    // Code 0 of education is an answer, not "none".
    expect(parseCode(MEMBER_MATCHERS.education, 0)).toEqual({ ok: true, value: 0 });
  });

  it('accepts every code and both labels of a list', () => {
    const matcher = codeMatcher(FLOOR_TYPES);
    for (const item of FLOOR_TYPES) {
      for (const raw of [item.code, String(item.code), item.id, item.en.toUpperCase()]) expect(matcher.resolve(String(raw))).toBe(item.code);
    }
  });
});

describe('parseCodeList', () => {
  it('splits on , ; | and line breaks but keeps decimal commas', () => {
    expect(splitListCell('Sepeda motor; kulkas | TV,Tabung gas 5,5 kg\nmobil')).toEqual(['Sepeda motor', 'kulkas', 'TV', 'Tabung gas 5,5 kg', 'mobil']);
  });

  it('keeps known items in order, drops unknown ones with a warning each, and removes repeats', () => {
    expect(parseCodeList(ASSET_MATCHER, 'Sepeda motor; kulkas; pesawat jet; sepeda_motor')).toEqual({
      ok: true,
      value: ['sepeda_motor', 'lemari_es'],
      warnings: [{ code: 'list_item_unknown', params: { value: 'pesawat jet' } }],
    });
  });

  it('reads text codes and labels alike', () => {
    const all = ASSETS.map((item, i) => (i % 2 === 0 ? item.code : item.id)).join(' | ');
    expect(parseCodeList(ASSET_MATCHER, all)).toEqual({ ok: true, value: ASSETS.map((item) => item.code) });
  });

  it('reads "none" as an empty list', () => {
    expect(parseCodeList(MEMBER_MATCHERS.ppks, 'Tidak ada')).toEqual({ ok: true, value: [] });
  });

  it('lets one old-style impairment name several DTSEN items', () => {
    expect(parseCodeList(MEMBER_MATCHERS.disabilities, 'Tuna rungu & wicara', { several: true })).toEqual({
      ok: true, value: ['pendengaran', 'berbicara_komunikasi'],
    });
  });
});

describe('parsePowerVa', () => {
  it.each([[900, 900], ['900 VA', 900], ['1.300', 1300], ['1.300 VA', 1300], [2, 900], ['5', 3500], ['>2200', 3500],
    ['Lebih dari 2.200 VA', 3500], [5500, 5500]])('reads %s as %d VA', (raw, va) => {
    expect(parsePowerVa(raw)).toEqual({ ok: true, value: va });
  });
  it('reads "no connection" as empty and refuses other text', () => {
    expect(parsePowerVa('Tidak ada')).toEqual({ ok: true, value: null });
    expect(parsePowerVa('besar')).toEqual({ ok: false, problem: { code: 'code_unknown' } });
    expect(parsePowerVa(50)).toEqual({ ok: false, problem: { code: 'code_unknown' } });
  });
});

describe('parseDifficulty', () => {
  it.each([[1, 1], ['2', 2], [3, 3], [4, 4], [0, 1], ['Tidak', 1], ['Ya', 3], ['Tidak mengalami kesulitan', 1], ['Ya, sedikit kesulitan', 2],
    ['Ya, banyak kesulitan', 3], ['Ya, sama sekali tidak bisa', 4]])('reads %s as level %d', (raw, level) => {
    expect(parseDifficulty(raw)).toEqual({ ok: true, value: level });
  });
  it('refuses other answers', () => {
    expect(parseDifficulty(7)).toEqual({ ok: false, problem: { code: 'code_unknown' } });
  });
});

describe('parseBusinessStatus', () => {
  it.each([['Aktif', 'active'], ['Usaha berjalan', 'active'], ['macet', 'stalled'], ['Tidak aktif', 'stalled'], ['Usaha macet', 'stalled'],
    ['Tidak punya usaha', 'none'], ['none', 'none'], ['stalled', 'stalled']])('reads %s as %s', (raw, status) => {
    expect(parseBusinessStatus(raw)).toEqual({ ok: true, value: status });
  });
  it('refuses other answers', () => {
    expect(parseBusinessStatus('lumayan')).toEqual({ ok: false, problem: { code: 'business_status_invalid' } });
  });
});
