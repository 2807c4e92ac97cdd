import { describe, expect, it } from 'vitest';
import { isBlank, parseDesil, parseIdNumber, parseNumber, parseRtRw, parseSex, parseText, parseYesNo } from './values.ts';

describe('parseIdNumber', () => {
  it.each([
    ['a number from XLSX', 3507131708750002],
    ['text', '3507131708750002'],
    ['text with Excel’s apostrophe', "'3507131708750002"],
    ['text in groups of four', '3507 1317 0875 0002'],
    ['text with non-breaking spaces and dashes', '3507\u00a01317-0875-0002'],
    ['a float written by a CSV tool', '3507131708750002.0'],
  ])('reads %s as the exact 16 digits', (_, raw) => {
    expect(parseIdNumber(raw)).toEqual({ ok: true, value: '3507131708750002' });
  });

  it.each(['3.50713E+15', '3,50713E+15', '3.507131708750E+15', '3.50713e15'])('rejects scientific notation %s', (raw) => {
    expect(parseIdNumber(raw)).toEqual({ ok: false, problem: { code: 'id_scientific_notation' } });
  });

  it('refuses numbers beyond 2^53, whose last digits a double cannot hold', () => {
    expect(parseIdNumber(9407131708750002)).toEqual({ ok: false, problem: { code: 'id_number_imprecise' } });
  });

  it('keeps a number ending in 0 but warns that Excel may have rounded it', () => {
    expect(parseIdNumber(3507131708750010)).toEqual({ ok: true, value: '3507131708750010', warnings: [{ code: 'id_numeric_maybe_rounded' }] });
    expect(parseIdNumber('3507131708750010')).toEqual({ ok: true, value: '3507131708750010' });
  });

  it('names the length of a short or long number', () => {
    expect(parseIdNumber('350713170875000')).toEqual({ ok: false, problem: { code: 'id_wrong_length', params: { length: 15 } } });
    expect(parseIdNumber('35071317087500021')).toEqual({ ok: false, problem: { code: 'id_wrong_length', params: { length: 17 } } });
  });

  it('refuses letters and fractions', () => {
    expect(parseIdNumber('35071317O8750002')).toEqual({ ok: false, problem: { code: 'id_not_digits' } });
    expect(parseIdNumber(3507.5)).toEqual({ ok: false, problem: { code: 'id_not_digits' } });
  });

  it('reads blank cells and placeholders as empty', () => {
    for (const raw of [null, undefined, '', '  ', '-', '#N/A']) expect(parseIdNumber(raw)).toEqual({ ok: true, value: null });
  });
});

describe('parseNumber', () => {
  it.each([
    ['1.500.000', 1_500_000],
    ['Rp 1.500.000', 1_500_000],
    ['Rp. 1.500.000,-', 1_500_000],
    ['Rp 750.000/bulan', 750_000],
    ['1.500.000,50', 1_500_000.5],
    ['1,500,000.50', 1_500_000.5],
    ['1,500,000', 1_500_000],
    ['1.500', 1_500],
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['36 m2', 36],
    ['36,75 m²', 36.75],
    [42, 42],
  ])('reads %s as %d', (raw, expected) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['abc', '1.5.0', '12,34,5', 'Rp', '1-2'])('refuses %s', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, problem: { code: 'number_invalid' } });
  });

  it('checks whole numbers and ranges', () => {
    expect(parseNumber('2,5', { integer: true })).toEqual({ ok: false, problem: { code: 'number_not_integer' } });
    expect(parseNumber('120', { min: 1, max: 99 })).toEqual({ ok: false, problem: { code: 'number_out_of_range', params: { min: 1, max: 99 } } });
  });
});

describe('parseDesil', () => {
  it.each([[3, 3], ['3', 3], ['03', 3], ['3.0', 3], ['Desil 3', 3], ['D10', 10], [1, 1]])('reads %s', (raw, expected) => {
    expect(parseDesil(raw)).toEqual({ ok: true, value: expected });
  });
  it.each([0, 11, '2.5', 'tinggi', -1, '12'])('refuses %s', (raw) => {
    expect(parseDesil(raw)).toEqual({ ok: false, problem: { code: 'desil_invalid' } });
  });
});

describe('parseYesNo', () => {
  it.each(['Ya', 'ya', 'Y', 1, '1', 'Ada', 'Yes', true])('reads %s as yes', (raw) => {
    expect(parseYesNo(raw)).toEqual({ ok: true, value: true });
  });
  it.each(['Tidak', 'T', 0, '0', 2, 'Tidak ada', 'tidak  ada', 'No', false])('reads %s as no', (raw) => {
    expect(parseYesNo(raw)).toEqual({ ok: true, value: false });
  });
  it('refuses anything else', () => {
    expect(parseYesNo('mungkin')).toEqual({ ok: false, problem: { code: 'yes_no_invalid' } });
  });
});

describe('parseSex', () => {
  it.each([1, '1', '1.0', 'L', 'l', 'Laki-laki', 'LAKI LAKI', 'Pria', 'M', 'Male'])('reads %s as L', (raw) => {
    expect(parseSex(raw)).toEqual({ ok: true, value: 'L' });
  });
  it.each([2, '2', 'P', 'Perempuan', 'wanita', 'F', 'Female'])('reads %s as P', (raw) => {
    expect(parseSex(raw)).toEqual({ ok: true, value: 'P' });
  });
  it('refuses other answers', () => {
    expect(parseSex('X')).toEqual({ ok: false, problem: { code: 'sex_invalid' } });
    expect(parseSex(3)).toEqual({ ok: false, problem: { code: 'sex_invalid' } });
  });
});

describe('parseText and parseRtRw', () => {
  it('tidies whitespace and refuses text over the limit instead of cutting it', () => {
    expect(parseText('  Jl.  Mawar\n No. 3 ', 50)).toEqual({ ok: true, value: 'Jl. Mawar No. 3' });
    expect(parseText('x'.repeat(11), 10)).toEqual({ ok: false, problem: { code: 'text_too_long', params: { length: 11, max: 10 } } });
  });
  it('writes RT/RW as on a family card', () => {
    expect(parseRtRw(3)).toEqual({ ok: true, value: '003' });
    expect(parseRtRw('RT 03')).toEqual({ ok: true, value: '003' });
    expect(parseRtRw('012')).toEqual({ ok: true, value: '012' });
    expect(parseRtRw('3A')).toEqual({ ok: true, value: '3A' });
  });
});

describe('isBlank', () => {
  it('treats empty cells and placeholders as blank, zero and false as values', () => {
    expect([null, undefined, '', ' ', '-', 'NULL', '#N/A', Number.NaN].every(isBlank)).toBe(true);
    expect([0, false, '0', 'x'].some(isBlank)).toBe(false);
  });
});
