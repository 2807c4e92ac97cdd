import type { Language, LoginRequest, Me, PasswordChange } from '@sinergi/domain';
import type { QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../api/client.ts';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Stores a fresh Me (login, preference change) where every component and the API client find it. */
export function storeSession(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
}

/** Forgets the session and every cached record, so the next user of this browser sees nothing of it. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}

export async function login(body: LoginRequest): Promise<Me> {
  const me = await api<Me>('/auth/login', { method: 'POST', body });
  // Set at once: the sign-in page may save a language choice before the session is stored.
  setCsrfToken(me.csrfToken);
  return me;
}
export const logout = () => api<undefined>('/auth/logout', { method: 'POST' });
export const updatePreferences = (language: Language) => api<Me>('/auth/preferences', { method: 'PATCH', body: { language } });
export const changePassword = (body: PasswordChange) => api<undefined>('/auth/password', { method: 'POST', body });
