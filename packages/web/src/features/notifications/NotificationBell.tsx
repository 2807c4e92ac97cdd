import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Notification } from '@sinergi/domain';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { markAllRead, markRead, notificationsQueryKey, useNotifications, useUnreadCount } from './api.ts';
import { notificationText } from './text.ts';

/** The header's bell: unread count as a badge, the latest notifications in a popover; opening one marks it read. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount().data?.unread ?? 0;
  const list = useNotifications(opened);
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
  const readOne = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh });

  const open = (notification: Notification) => {
    if (!notification.read) readOne.mutate(notification.id);
    setOpened(false);
    if (notification.link) void navigate(notification.link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withArrow>
      <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4}>
        <Popover.Target>
          <ActionIcon variant="subtle" size="lg" onClick={() => setOpened((value) => !value)} aria-label={t('notifications.open', { count: unread })}>
            <IconBell size={22} stroke={1.6} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb={4}>
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>{t('notifications.readAll')}</Button>
        </Group>
        <Divider mb={4} />
        <ScrollArea.Autosize mah={360}>
          {list.data?.items.length === 0 && <Text c="dimmed" fz="sm" p="sm">{t('notifications.empty')}</Text>}
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('notifications.title')}>
            {(list.data?.items ?? []).map((notification) => (
              <li key={notification.id}>
                <UnstyledButton onClick={() => open(notification)} p={6} w="100%" style={{ borderRadius: 'var(--mantine-radius-sm)' }} bg={notification.read ? undefined : 'blue.0'}>
                  <Text fz="sm" fw={notification.read ? 400 : 600}>{notificationText(t, i18n.language, notification)}</Text>
                  <Text fz="xs" c="dimmed">{format.dateTime(notification.createdAt)}</Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
