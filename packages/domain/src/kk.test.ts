import { describe, expect, it } from 'vitest';
import { buildKk, parseKk } from './kk.ts';

const today = new Date(2026, 10, 23);

describe('parseKk', () => {
  it('reads the issuing kecamatan, issue date and serial', () => {
    expect(parseKk('3507131204150007', today)).toEqual({
      ok: true, noKk: '3507131204150007', regionCode: '35.07.13', issuedOn: '2015-04-12', serial: 7,
    });
  });

  it('accepts an old card whose middle digits are not a date', () => {
    const result = parseKk('3507139999990001', today);
    expect(result).toMatchObject({ ok: true, regionCode: '35.07.13', issuedOn: null, serial: 1 });
  });

  it('rejects non-digits, wrong length, bad region and serial 0000', () => {
    expect(parseKk('3507131204150O07', today)).toEqual({ ok: false, error: 'kk_digits' });
    expect(parseKk('350713120415007', today)).toEqual({ ok: false, error: 'kk_length' });
    expect(parseKk('0507131204150007', today)).toEqual({ ok: false, error: 'kk_region' });
    expect(parseKk('3507131204150000', today)).toEqual({ ok: false, error: 'kk_serial' });
  });
});

describe('buildKk', () => {
  it('round-trips through parseKk', () => {
    const noKk = buildKk('35.07.13', '2019-02-28', 42);
    expect(noKk).toBe('3507132802190042');
    expect(parseKk(noKk, today)).toEqual({ ok: true, noKk, regionCode: '35.07.13', issuedOn: '2019-02-28', serial: 42 });
  });

  it('refuses impossible dates and serials', () => {
    expect(() => buildKk('35.07.13', '2019-02-29', 1)).toThrow(RangeError);
    expect(() => buildKk('35.07.13', '2019-02-28', 0)).toThrow(RangeError);
  });
});
