import type { Region } from '@sinergi/domain';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export const regionsQueryKey = (parent: string, scoped: boolean) => ['regions', parent, scoped] as const;

/** The regions directly below `parent`; `scoped` keeps only those within the user's own region scope. */
export function useRegionChildren(parent: string | null, scoped = true) {
  return useQuery({
    queryKey: regionsQueryKey(parent ?? '', scoped),
    queryFn: ({ signal }) => api<Region[]>('/regions', { query: { parent, scoped: scoped ? 'true' : undefined }, signal }),
    enabled: parent !== null,
    // The region tree changes once a year at most.
    staleTime: Infinity,
  });
}

/** `35.07.13.2001` cut to `levels` parts: 2 → `35.07`, 3 → `35.07.13`. */
export function regionAtLevel(code: string | null, levels: number): string | null {
  if (!code) return null;
  const parts = code.split('.');
  return parts.length >= levels ? parts.slice(0, levels).join('.') : null;
}

export function regionDepth(code: string): number {
  return code.split('.').length;
}

/** Names for region codes (kecamatan or desa), looked up among their parents' children. */
export function useRegionNames(codes: readonly string[], scoped = false): Map<string, string> {
  const parents = [...new Set(codes.map((code) => code.split('.').slice(0, -1).join('.')))];
  const results = useQueries({
    queries: parents.map((parent) => ({
      queryKey: regionsQueryKey(parent, scoped),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<Region[]>('/regions', { query: { parent, scoped: scoped ? 'true' : undefined }, signal }),
      staleTime: Infinity,
    })),
  });
  const names = new Map<string, string>();
  for (const result of results) for (const region of result.data ?? []) names.set(region.code, region.name);
  return names;
}
