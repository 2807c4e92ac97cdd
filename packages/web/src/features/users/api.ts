import type { Page, UserCreate, UserQuery, UserSummary, UserUpdate } from '@sinergi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const usersQueryKey = ['users'] as const;

export function useUsers(query: Partial<UserQuery>) {
  return useQuery({
    queryKey: [...usersQueryKey, 'list', query],
    queryFn: ({ signal }) => api<Page<UserSummary>>('/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const createUser = (input: UserCreate) => api<UserSummary>('/users', { method: 'POST', body: input });
export const updateUser = (id: string, input: UserUpdate) => api<UserSummary>(`/users/${id}`, { method: 'PATCH', body: input });
export const disableUser = (id: string) => api<UserSummary>(`/users/${id}/disable`, { method: 'POST' });
export const enableUser = (id: string) => api<UserSummary>(`/users/${id}/enable`, { method: 'POST' });
export const resetPassword = (id: string, password: string) => api<undefined>(`/users/${id}/reset-password`, { method: 'POST', body: { password } });

/** A temporary password that is easy to read out over the phone: no 0/O or 1/l/I look-alikes. */
export function generatePassword(length = 12): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(random, (value) => alphabet[value % alphabet.length]).join('');
}
