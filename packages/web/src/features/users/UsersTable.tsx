import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { UserSummary } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../auth/session.ts';
import { UserActionsMenu, type UserActions } from './UserActionsMenu.tsx';

const ROLE_COLORS = { admin: 'red', pimpinan: 'violet', operator: 'blue', pendamping: 'teal' } as const;

function ScopeCell({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  if (user.scopeNames.length === 0) return <Text fz="sm">{t('scope.wholeShort')}</Text>;
  const shown = user.scopeNames.slice(0, 3);
  return (
    <Group gap={4}>
      {shown.map((name) => <Badge key={name} variant="outline" color="gray" size="sm">{name}</Badge>)}
      {user.scopeNames.length > shown.length && <Text fz="xs" c="dimmed">{t('scope.more', { count: user.scopeNames.length - shown.length })}</Text>}
    </Group>
  );
}

export function UsersTable({ items, actions }: { items: UserSummary[]; actions: UserActions }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.fullName')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.agency')}</Table.Th>
            <Table.Th>{t('scope.label')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th w={60}><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((user) => (
            <Table.Tr key={user.id} c={user.disabled ? 'dimmed' : undefined}>
              <Table.Td>
                <Text fw={600} fz="sm">{user.fullName}</Text>
                <Text fz="xs" c="dimmed" ff="monospace">{user.username}</Text>
              </Table.Td>
              <Table.Td><Badge variant="light" color={ROLE_COLORS[user.role]}>{t(`roles.${user.role}`)}</Badge></Table.Td>
              <Table.Td fz="sm">{user.agencyShortName}</Table.Td>
              <Table.Td><ScopeCell user={user} /></Table.Td>
              <Table.Td fz="sm">{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.neverLoggedIn')}</Table.Td>
              <Table.Td>
                <Badge variant="dot" color={user.disabled ? 'gray' : 'teal'}>{user.disabled ? t('users.disabled') : t('users.active')}</Badge>
              </Table.Td>
              <Table.Td><UserActionsMenu user={user} isSelf={user.id === me.id} actions={actions} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
