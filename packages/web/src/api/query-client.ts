import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import i18n from '../i18n/index.ts';
import { ApiError } from './client.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    /** `inlineError`: the form shows the failure itself, so no notification is raised. */
    mutationMeta: { inlineError?: boolean };
  }
}

export function notifyError(error: unknown): void {
  // A 401 ends the session: the sign-in page explains it, not a notification per failed call.
  if (error instanceof ApiError && error.status === 401) return;
  const message = error instanceof Error && error.message ? error.message : i18n.t('errors.unknown');
  notifications.show({ id: `error:${message}`, color: 'red', title: i18n.t('errors.title'), message, autoClose: 8000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      // The first load shows its error inline; a failed background refresh only has this notice.
      onError: (error, query) => {
        if (query.state.data !== undefined) notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.inlineError) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
