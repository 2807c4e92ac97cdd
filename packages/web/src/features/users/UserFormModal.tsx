import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ROLES, UserCreate, UserUpdate, type Role, type UserSummary } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { validationMessage, zodValidator } from '../../i18n/validation.tsx';
import { useAgencies } from '../agencies/api.ts';
import { createUser, updateUser, usersQueryKey } from './api.ts';
import { ScopeInput } from './ScopeInput.tsx';
import { TemporaryPasswordInput, temporaryPasswordErrors } from './TemporaryPasswordInput.tsx';

interface Values {
  username: string;
  fullName: string;
  role: Role;
  agencyId: string;
  scopeCodes: string[];
  password: string;
}

interface UserFormModalProps {
  /** The account to edit, or null to create one. */
  user: UserSummary | null;
  opened: boolean;
  onClose: () => void;
}

export function UserFormModal({ user, opened, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}>
      {() => <UserForm key={user?.id ?? 'new'} user={user} onDone={onClose} />}
    </FormModal>
  );
}

function UserForm({ user, onDone }: { user: UserSummary | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agencies = useAgencies();
  const createErrors = zodValidator<Values>(UserCreate, { username: 'username' });
  const updateErrors = zodValidator<Values>(UserUpdate);
  const form = useForm<Values>({
    initialValues: {
      username: user?.username ?? '',
      fullName: user?.fullName ?? '',
      role: user?.role ?? 'operator',
      agencyId: user?.agencyId ?? '',
      scopeCodes: user?.scopeCodes ?? [],
      password: '',
    },
    validate: (values) => {
      const errors: Record<string, ReactNode> = user ? updateErrors(values) : { ...createErrors(values), ...temporaryPasswordErrors(values.password, values.username) };
      if (!values.agencyId) errors.agencyId = validationMessage('required');
      return errors;
    },
  });
  const knownNames = new Map(user?.scopeCodes.map((code, index) => [code, user.scopeNames[index] ?? code]));
  const save = useMutation({
    mutationFn: (values: Values) => {
      const { username, password, ...changes } = values;
      return user ? updateUser(user.id, changes) : createUser({ ...changes, username, password });
    },
    onSuccess: async (saved) => {
      notifySuccess(user ? t('users.updated', { username: saved.username }) : t('users.created', { username: saved.username }));
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      onDone();
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.username')}
            description={user ? undefined : t('users.usernameHint')}
            disabled={user !== null}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk={!user}
            data-autofocus
            {...form.getInputProps('username')}
          />
          <TextInput label={t('users.fullName')} withAsterisk autoComplete="off" {...form.getInputProps('fullName')} />
          <Select
            label={t('users.role')}
            withAsterisk
            allowDeselect={false}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
            description={t(`roleHints.${form.values.role}`)}
          />
          <Select
            label={t('users.agency')}
            withAsterisk
            searchable
            data={(agencies.data ?? []).map((agency) => ({ value: agency.id, label: `${agency.shortName} — ${agency.name}` }))}
            {...form.getInputProps('agencyId')}
          />
        </SimpleGrid>
        <ScopeInput
          value={form.values.scopeCodes}
          onChange={(codes) => form.setFieldValue('scopeCodes', codes)}
          knownNames={knownNames}
          error={form.errors.scopeCodes}
        />
        {!user && (
          <TemporaryPasswordInput
            value={form.values.password}
            onChange={(password) => form.setFieldValue('password', password)}
            error={form.errors.password}
          />
        )}
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
