import { Button, NativeSelect, Paper, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Role, ROLES, type UserSummary } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useAgencies } from '../agencies/api.ts';
import { disableUser, enableUser, usersQueryKey, useUsers } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UsersTable } from './UsersTable.tsx';

export default function UsersPage() {
  const { t } = useTranslation();
  const params = useListParams();
  const queryClient = useQueryClient();
  const agencies = useAgencies();
  const pageSize = params.getNumber('pageSize', 25);
  const users = useUsers({
    q: params.get('q') || undefined,
    role: Role.safeParse(params.get('role')).data,
    agencyId: params.get('agencyId') || undefined,
    page: params.page,
    pageSize,
  });
  const [formOpened, form] = useDisclosure(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [toggling, setToggling] = useState<UserSummary | null>(null);
  const toggle = useMutation({
    mutationFn: (user: UserSummary) => (user.disabled ? enableUser(user.id) : disableUser(user.id)),
    onSuccess: async (saved) => {
      notifySuccess(saved.disabled ? t('users.disabledDone', { username: saved.username }) : t('users.enabledDone', { username: saved.username }));
      setToggling(null);
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
    },
  });
  const openForm = (user: UserSummary | null) => {
    setEditing(user);
    form.open();
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={<Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => openForm(null)}>{t('users.create')}</Button>}
      />
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <SearchInput label={t('common.search')} placeholder={t('users.searchPlaceholder')} value={params.get('q')} onChange={(q) => params.set({ q })} />
          <NativeSelect
            label={t('users.role')}
            value={params.get('role')}
            onChange={(event) => params.set({ role: event.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
          />
          <NativeSelect
            label={t('users.agency')}
            value={params.get('agencyId')}
            onChange={(event) => params.set({ agencyId: event.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.shortName }))]}
          />
        </SimpleGrid>
      </Paper>
      <PagedResult query={users} emptyTitle={t('users.emptyTitle')}>
        {(items) => <UsersTable items={items} actions={{ onEdit: openForm, onResetPassword: setResetting, onToggleDisabled: setToggling }} />}
      </PagedResult>
      <UserFormModal user={editing} opened={formOpened} onClose={form.close} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <ConfirmModal
        opened={toggling !== null}
        title={toggling?.disabled ? t('users.enableTitle') : t('users.disableTitle')}
        message={toggling ? t(toggling.disabled ? 'users.enableMessage' : 'users.disableMessage', { name: toggling.fullName, username: toggling.username }) : ''}
        confirmLabel={toggling?.disabled ? t('users.enable') : t('users.disable')}
        color={toggling?.disabled ? 'blue' : 'red'}
        loading={toggle.isPending}
        onConfirm={() => toggling && toggle.mutate(toggling)}
        onClose={() => setToggling(null)}
      />
    </>
  );
}
