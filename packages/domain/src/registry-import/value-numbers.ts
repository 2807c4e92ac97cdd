import { cellText, failed, isBlank, memoizeCells, parsed } from './value-core.ts';
import type { Parsed } from './value-core.ts';
import type { RawValue } from './types.ts';

export interface NumberOptions {
  integer?: boolean;
  min?: number;
  max?: number;
}

// Currency in front, units behind: "Rp 1.500.000", "36 m2", "900 VA", "Rp 750.000/bulan".
const NUMBER_DECORATION = /^(rp\.?|idr)|(m2|m²|meter|va|watt|\/bulan|\/bln|perbulan|\/-|,-)$/g;

/** Reads a decimal number written the Indonesian way (1.500.000; 2,5) or the English way (1,500,000; 2.5). */
export function readFormattedNumber(text: string): number | null {
  // Twice, because "Rp 750.000,-/bulan" carries two decorations at its end.
  const compact = text.toLowerCase().replace(/[\s\u00a0]+/g, '').replace(NUMBER_DECORATION, '').replace(NUMBER_DECORATION, '');
  if (!/^-?[\d.,]*\d[\d.,]*$/.test(compact)) return null;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    normalized = compact.split(grouping).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = compact.split(separator);
    const grouped = parts.length > 2 || (separator === '.' && parts[1]?.length === 3);
    // One comma is a decimal comma (Indonesian); one dot before exactly three digits groups thousands.
    normalized = grouped ? parts.join('') : parts.join('.');
    if (grouped && !/^-?\d{1,3}$/.test(parts[0] ?? '')) return null;
    if (grouped && parts.slice(1).some((part) => part.length !== 3)) return null;
  } else {
    normalized = compact;
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

export function parseNumber(raw: RawValue, options: NumberOptions = {}): Parsed<number> {
  if (isBlank(raw)) return parsed<number>(null);
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? readFormattedNumber(raw) : null;
  if (value === null || !Number.isFinite(value)) return failed('number_invalid');
  if (options.integer && !Number.isInteger(value)) return failed('number_not_integer');
  const { min = -Infinity, max = Infinity } = options;
  if (value < min || value > max) return failed('number_out_of_range', { min, max });
  return parsed(value);
}

/** Desil 1–10; "Desil 3" and "D3" are read too. */
export const parseDesil = memoizeCells(function parseDesil(raw: RawValue): Parsed<number> {
  if (isBlank(raw)) return parsed<number>(null);
  const text = typeof raw === 'number' ? String(raw) : cellText(raw).replace(/^(desil|d)\s*/i, '');
  const value = Number(text.replace(',', '.'));
  if (!/^\d+([.,]0+)?$/.test(text) || !Number.isInteger(value) || value < 1 || value > 10) return failed('desil_invalid');
  return parsed(value);
});
