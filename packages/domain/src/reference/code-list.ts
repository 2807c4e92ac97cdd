import type { Language } from '../errors.ts';

/** One coded answer of a DTSEN/DTKS variable with its Indonesian (`id`) and English (`en`) label. */
export interface CodeItem<C extends string | number = number> {
  code: C;
  id: string;
  en: string;
}
export type CodeList<C extends string | number = number> = readonly CodeItem<C>[];

export function labelOf<C extends string | number>(list: CodeList<C>, code: C | null | undefined, lang: Language): string | undefined {
  if (code === null || code === undefined) return undefined;
  return list.find((item) => item.code === code)?.[lang];
}

export function codesOf<C extends string | number>(list: CodeList<C>): C[] {
  return list.map((item) => item.code);
}

export function isCodeOf<C extends string | number>(list: CodeList<C>, value: unknown): value is C {
  return list.some((item) => item.code === value);
}

function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Reads an answer as real files carry it: the code itself ("8", 8, "tanah_x" for text codes) or either label,
 * ignoring case, accents and punctuation ("TANAH", "Marmer / Granit"). Returns undefined when nothing matches.
 */
export function matchCode<C extends string | number>(list: CodeList<C>, input: string | number | null | undefined): C | undefined {
  if (input === null || input === undefined) return undefined;
  const raw = String(input).trim();
  if (raw === '') return undefined;
  const byCode = list.find((item) => String(item.code) === raw || (typeof item.code === 'number' && /^\d+(\.0+)?$/.test(raw) && Number(raw) === item.code));
  if (byCode) return byCode.code;
  const wanted = normalizeLabel(raw);
  return list.find((item) => normalizeLabel(item.id) === wanted || normalizeLabel(item.en) === wanted || normalizeLabel(String(item.code)) === wanted)?.code;
}
