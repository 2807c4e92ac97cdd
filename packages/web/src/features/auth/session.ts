import type { Me, Permission } from '@sinergi/domain';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { fetchMe, meQueryKey } from './api.ts';

export function useMeQuery() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: Infinity,
    retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
  });
}

/** The signed-in user; only for components rendered behind RequireSession. */
export function useSession(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useSession used outside a signed-in area');
  return data;
}

export function useCan(permission: Permission): boolean {
  const { data } = useMeQuery();
  return data?.permissions.includes(permission) ?? false;
}
