import { ActionIcon, Menu } from '@mantine/core';
import type { UserSummary } from '@sinergi/domain';
import { IconDots, IconKey, IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface UserActions {
  onEdit: (user: UserSummary) => void;
  onResetPassword: (user: UserSummary) => void;
  onToggleDisabled: (user: UserSummary) => void;
}

export function UserActionsMenu({ user, isSelf, actions }: { user: UserSummary; isSelf: boolean; actions: UserActions }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('users.actionsFor', { username: user.username })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => actions.onEdit(user)}>{t('common.edit')}</Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => actions.onResetPassword(user)}>{t('users.resetPassword')}</Menu.Item>
        {!isSelf && (
          <Menu.Item
            color={user.disabled ? undefined : 'red'}
            leftSection={user.disabled ? <IconLockOpen size={16} aria-hidden /> : <IconLock size={16} aria-hidden />}
            onClick={() => actions.onToggleDisabled(user)}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
