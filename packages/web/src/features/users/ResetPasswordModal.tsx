import { Alert, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UserSummary } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { resetPassword } from './api.ts';
import { TemporaryPasswordInput, temporaryPasswordErrors } from './TemporaryPasswordInput.tsx';

interface ResetPasswordModalProps {
  user: UserSummary | null;
  onClose: () => void;
}

export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={user !== null} onClose={onClose} title={t('users.resetTitle', { username: user?.username ?? '' })} size="md">
      {() => user && <ResetPasswordForm key={user.id} user={user} onDone={onClose} />}
    </FormModal>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { password: '' },
    validate: (values) => temporaryPasswordErrors(values.password, user.username),
  });
  const reset = useMutation({
    mutationFn: (password: string) => resetPassword(user.id, password),
    onSuccess: () => {
      notifySuccess(t('users.resetDone', { username: user.username }));
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => reset.mutate(values.password))} noValidate>
      <Stack>
        <Alert color="blue">{t('users.resetExplanation')}</Alert>
        <TemporaryPasswordInput
          value={form.values.password}
          onChange={(password) => form.setFieldValue('password', password)}
          error={form.errors.password}
        />
        <FormActions onCancel={onDone} saving={reset.isPending} saveLabel={t('users.resetConfirm')} color="orange" />
      </Stack>
    </form>
  );
}
