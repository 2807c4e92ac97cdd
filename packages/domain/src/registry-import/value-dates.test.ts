import { describe, expect, it } from 'vitest';
import { parseDate } from './value-dates.ts';

const today = new Date(2025, 5, 1);
const read = (raw: Parameters<typeof parseDate>[0]) => parseDate(raw, { today });

describe('parseDate', () => {
  it.each([
    ['a Date at UTC midnight', new Date(Date.UTC(1975, 7, 17))],
    ['a Date at Jakarta midnight (17:00 UTC the day before)', new Date('1975-08-16T17:00:00Z')],
    ['an Excel serial number', 27623],
    ['an Excel serial with a time of day', 27623.75],
    ['an Excel serial written as text', '27623'],
    ['17/08/1975', '17/08/1975'],
    ['17-08-1975', '17-08-1975'],
    ['17.08.1975', '17.08.1975'],
    ['1975-08-17', '1975-08-17'],
    ['1975/08/17', '1975/08/17'],
    ['a timestamp with a time', '1975-08-17 00:00:00'],
    ['a serialised Jakarta midnight', '1975-08-16T17:00:00.000Z'],
    ['17/08/75 (two-digit year)', '17/08/75'],
    ['Indonesian month name', '17 Agustus 1975'],
    ['Indonesian abbreviation', '17 Agu 1975'],
    ['Indonesian abbreviation Agt', '17-Agt-1975'],
    ['with the weekday', 'Minggu, 17 Agustus 1975'],
    ['English month name', '17 August 1975'],
    ['English month first', 'Aug 17, 1975'],
    ['English abbreviation and two-digit year', '17-Aug-75'],
    ['digits only, day first', '17081975'],
    ['digits only as a number', 17081975],
    ['digits only, year first', '19750817'],
  ])('reads %s as 1975-08-17', (_, raw) => {
    expect(read(raw)).toEqual({ ok: true, value: '1975-08-17' });
  });

  it('decides ambiguous dates day-first, as Indonesians write them', () => {
    expect(read('03/04/1990')).toEqual({ ok: true, value: '1990-04-03' });
    expect(read('3 Mei 1990')).toEqual({ ok: true, value: '1990-05-03' });
    expect(read('01/02/03')).toEqual({ ok: true, value: '2003-02-01' });
  });

  it('reads an impossible day-first date month-first, with a warning', () => {
    expect(read('08/17/1975')).toEqual({
      ok: true, value: '1975-08-17', warnings: [{ code: 'date_month_first', params: { date: '1975-08-17' } }],
    });
  });

  it('puts two-digit years after today in the 1900s', () => {
    expect(read('17/08/30')).toEqual({ ok: true, value: '1930-08-17' });
    expect(read('01/01/25')).toEqual({ ok: true, value: '2025-01-01' });
    expect(read('01/12/25')).toEqual({ ok: true, value: '1925-12-01' });
  });

  it.each(['31/02/1975', '17/13/1975', '1975', 1975, 'kemarin', '17 Foo 1975', '17 Agustus', '32-01-1990', '2/3'])('refuses %s', (raw) => {
    expect(read(raw)).toEqual({ ok: false, problem: { code: 'date_invalid' } });
  });

  it('refuses future dates unless allowed, and years before the minimum', () => {
    expect(read('2030-01-01')).toEqual({ ok: false, problem: { code: 'date_in_future' } });
    expect(parseDate('2030-01-01', { today, allowFuture: true })).toEqual({ ok: true, value: '2030-01-01' });
    expect(read('17/08/1820')).toEqual({ ok: false, problem: { code: 'date_too_old', params: { minYear: 1880 } } });
  });

  it('treats Excel’s phantom 29 February 1900 as no date', () => {
    expect(read(60)).toEqual({ ok: false, problem: { code: 'date_invalid' } });
    expect(read(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(read(61)).toEqual({ ok: true, value: '1900-03-01' });
  });

  it('reads blank cells as empty and refuses invalid Date objects', () => {
    expect(read('')).toEqual({ ok: true, value: null });
    expect(read(new Date(Number.NaN))).toEqual({ ok: false, problem: { code: 'date_invalid' } });
  });
});
