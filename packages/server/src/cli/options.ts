import { InvalidArgumentError } from 'commander';

export function wholeNumber(value: string): number {
  const n = Number(value.replace(/[_.,](?=\d{3}\b)/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('harus bilangan bulat ≥ 0 / must be a whole number ≥ 0');
  return n;
}

export function integer(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('harus bilangan bulat / must be a whole number');
  return n;
}

/** "35.07.13, 35.07.14.2001" → ['35.07.13', '35.07.14.2001']. */
export function codeList(value: string): string[] {
  return value
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
}

/** 1234567 → "1.234.567", as Indonesian readers expect. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('id-ID').format(n);
}
