import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNik, nikMismatches, parseNik, type ParsedNik } from './nik.ts';

const today2026 = new Date(2026, 10, 23);

function parsed(nik: string, today = today2026): ParsedNik {
  const result = parseNik(nik, today);
  if (!result.ok) throw new Error(`expected ${nik} to parse, got ${result.error}`);
  return result;
}

describe('parseNik', () => {
  it('reads region, birth date, sex and serial of a man', () => {
    expect(parseNik('3507131708750002', today2026)).toEqual({
      ok: true, nik: '3507131708750002', regionCode: '35.07.13', birthDate: '1975-08-17', sex: 'L', serial: 2,
    });
  });

  it('subtracts 40 from the day for women (41–71)', () => {
    const woman = parsed('3507135708750001');
    expect(woman.sex).toBe('P');
    expect(woman.birthDate).toBe('1975-08-17');
    expect(parsed('3507134101900001').birthDate).toBe('1990-01-01');
    expect(parsed('3507137112900001').birthDate).toBe('1990-12-31');
  });

  it('rejects days that are neither 01–31 nor 41–71', () => {
    for (const day of ['00', '32', '35', '40', '72', '99']) {
      expect(parseNik(`350713${day}0190` + '0001', today2026)).toEqual({ ok: false, error: 'nik_date' });
    }
  });

  it('rejects dates that do not exist in the calendar', () => {
    expect(parseNik('3507133102900001', today2026)).toEqual({ ok: false, error: 'nik_date' });
    expect(parseNik('3507137102900001', today2026)).toEqual({ ok: false, error: 'nik_date' });
    expect(parseNik('3507133104900001', today2026)).toEqual({ ok: false, error: 'nik_date' });
  });

  it('accepts 29 February only in leap years', () => {
    expect(parsed('3507132902040001').birthDate).toBe('2004-02-29');
    expect(parsed('3507136902000001').birthDate).toBe('2000-02-29');
    expect(parseNik('3507132902010001', today2026)).toEqual({ ok: false, error: 'nik_date' });
    expect(parseNik('3507132902230001', today2026)).toEqual({ ok: false, error: 'nik_date' });
    // 2028 lies in the future, so the NIK means 1928, which was a leap year.
    expect(parsed('3507132902280001').birthDate).toBe('1928-02-29');
  });

  it('rejects months outside 01–12', () => {
    expect(parseNik('3507131700750002', today2026)).toEqual({ ok: false, error: 'nik_month' });
    expect(parseNik('3507131713750002', today2026)).toEqual({ ok: false, error: 'nik_month' });
  });

  it('resolves the century against today: a birth date cannot lie in the future', () => {
    expect(parsed('3507130101260001').birthDate).toBe('2026-01-01');
    expect(parsed('3507130101990001').birthDate).toBe('1999-01-01');
    expect(parsed('3507133112270001').birthDate).toBe('1927-12-31');
    expect(parsed('3507132311260001').birthDate).toBe('2026-11-23');
    expect(parsed('3507132411260001').birthDate).toBe('1926-11-24');
    // The same NIK read a year later belongs to the 2000s.
    expect(parsed('3507132411260001', new Date(2027, 0, 1)).birthDate).toBe('2026-11-24');
  });

  it('rejects non-digits before length, and wrong lengths', () => {
    expect(parseNik('35071317087500O2', today2026)).toEqual({ ok: false, error: 'nik_digits' });
    expect(parseNik('3.507131708E+15', today2026)).toEqual({ ok: false, error: 'nik_digits' });
    expect(parseNik(' 3507131708750002', today2026)).toEqual({ ok: false, error: 'nik_digits' });
    expect(parseNik('350713170875000', today2026)).toEqual({ ok: false, error: 'nik_length' });
    expect(parseNik('35071317087500021', today2026)).toEqual({ ok: false, error: 'nik_length' });
    expect(parseNik('', today2026)).toEqual({ ok: false, error: 'nik_length' });
  });

  it('rejects serial 0000 and impossible region prefixes', () => {
    expect(parseNik('3507131708750000', today2026)).toEqual({ ok: false, error: 'nik_serial' });
    expect(parseNik('0007131708750002', today2026)).toEqual({ ok: false, error: 'nik_region' });
    expect(parseNik('3500131708750002', today2026)).toEqual({ ok: false, error: 'nik_region' });
    expect(parseNik('3507001708750002', today2026)).toEqual({ ok: false, error: 'nik_region' });
  });

  it('accepts a prefix that is no longer a kecamatan and exposes it', () => {
    expect(parsed('3507991708750002').regionCode).toBe('35.07.99');
  });
});

describe('buildNik', () => {
  it('composes a NIK with the +40 rule for women', () => {
    expect(buildNik('35.07.13', '1975-08-17', 'P', 1)).toBe('3507135708750001');
    expect(buildNik('350713', '2001-01-05', 'L', 123)).toBe('3507130501010123');
  });

  it('refuses inputs no NIK could carry', () => {
    expect(() => buildNik('35.07', '1975-08-17', 'L', 1)).toThrow(RangeError);
    expect(() => buildNik('35.07.13', '1975-02-30', 'L', 1)).toThrow(RangeError);
    expect(() => buildNik('35.07.13', '1975-08-17', 'L', 0)).toThrow(RangeError);
    expect(() => buildNik('35.07.13', '1975-08-17', 'L', 10_000)).toThrow(RangeError);
  });

  it('round-trips through parseNik for any date within the last 100 years', () => {
    const todayMs = today2026.getTime();
    const dayMs = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 11, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 36_500 }),
        fc.constantFrom<'L' | 'P'>('L', 'P'),
        fc.integer({ min: 1, max: 9999 }),
        (province, regency, kecamatan, daysAgo, sex, serial) => {
          const born = new Date(todayMs - daysAgo * dayMs);
          const birthDate = `${born.getFullYear()}-${String(born.getMonth() + 1).padStart(2, '0')}-${String(born.getDate()).padStart(2, '0')}`;
          const code = [province, regency, kecamatan].map((n) => String(n).padStart(2, '0')).join('.');
          const nik = buildNik(code, birthDate, sex, serial);
          expect(parseNik(nik, today2026)).toEqual({ ok: true, nik, regionCode: code, birthDate, sex, serial });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('nikMismatches', () => {
  const nik = parsed('3507135708750001');

  it('finds no mismatch when the record agrees or is silent', () => {
    expect(nikMismatches(nik, { birthDate: '1975-08-17', sex: 'P' })).toEqual([]);
    expect(nikMismatches(nik, {})).toEqual([]);
    expect(nikMismatches(nik, { birthDate: null, sex: null })).toEqual([]);
  });

  it('lists a different birth date and sex', () => {
    expect(nikMismatches(nik, { birthDate: '1975-08-18', sex: 'L' })).toEqual([
      { field: 'birthDate', fromNik: '1975-08-17', recorded: '1975-08-18' },
      { field: 'sex', fromNik: 'P', recorded: 'L' },
    ]);
  });

  it('ignores the century, which a NIK cannot tell', () => {
    const old = parsed('3507130101210001');
    expect(old.birthDate).toBe('2021-01-01');
    expect(nikMismatches(old, { birthDate: '1921-01-01', sex: 'L' })).toEqual([]);
  });
});
