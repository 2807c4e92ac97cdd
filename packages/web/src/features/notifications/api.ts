import type { NotificationPage, UnreadCount } from '@sinergi/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const notificationsQueryKey = ['notifications'] as const;
const POLL_MS = 60_000;

/** The badge: polled once a minute while the app is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsQueryKey, 'unread'],
    queryFn: ({ signal }) => api<UnreadCount>('/notifications/unread-count', { signal }),
    refetchInterval: POLL_MS,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsQueryKey, 'list'],
    queryFn: ({ signal }) => api<NotificationPage>('/notifications', { query: { pageSize: 15 }, signal }),
    enabled,
  });
}

export const markRead = (id: string) => api<UnreadCount>(`/notifications/${id}/read`, { method: 'POST' });
export const markAllRead = () => api<UnreadCount>('/notifications/read-all', { method: 'POST' });
