import { useCallback } from 'react';
import { useFormat } from '../../i18n/format.ts';

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A byte count as people read it: 512 KB, 12,5 MB (in the UI language's number format). */
export function useFileSize() {
  const format = useFormat();
  return useCallback((bytes: number): string => {
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    const rounded = unit === 0 ? value : Math.round(value * 10) / 10;
    return `${format.number(rounded)} ${UNITS[unit] ?? 'B'}`;
  }, [format]);
}
