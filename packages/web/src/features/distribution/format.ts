/** Rupiah without decimals, Indonesian grouping in both languages (Rp1.250.000). */
export function rupiah(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return `Rp${Math.round(value).toLocaleString('id-ID')}`;
}

/** Realised as a share of target, whole percent; null without a target. */
export function percentOf(realised: number, target: number | null | undefined): number | null {
  if (target === null || target === undefined || target <= 0) return null;
  return Math.round((realised / target) * 100);
}

export function count(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString(language === 'en' ? 'en-US' : 'id-ID');
}
