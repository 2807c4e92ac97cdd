import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type ParamValue = string | number | null | undefined;

/**
 * Filters, sort and page of a list kept in the address bar, so a list can be bookmarked,
 * shared and returned to with the back button.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((key: string): string => params.get(key) ?? '', [params]);
  const getNumber = useCallback((key: string, fallback: number): number => {
    const value = Number(params.get(key));
    return Number.isInteger(value) && value > 0 ? value : fallback;
  }, [params]);

  /** Any filter change returns to the first page. */
  const set = useCallback((changes: Record<string, ParamValue>) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    }, { replace: true });
  }, [setParams]);

  const setPage = useCallback((page: number) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (page <= 1) next.delete('page');
      else next.set('page', String(page));
      return next;
    });
  }, [setParams]);

  return { get, getNumber, set, setPage, page: getNumber('page', 1) };
}
