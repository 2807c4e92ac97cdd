import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { MIN_PASSWORD_LENGTH, PasswordChange } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { validationMessage, zodValidator } from '../../i18n/validation.tsx';
import { changePassword, meQueryKey } from './api.ts';
import { useSession } from './session.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const schemaErrors = zodValidator<Values>(PasswordChange);
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => {
      const errors = schemaErrors(values);
      if (!errors.newPassword) {
        if (values.newPassword.length < MIN_PASSWORD_LENGTH) errors.newPassword = validationMessage('passwordTooShort', { min: MIN_PASSWORD_LENGTH });
        else if (values.newPassword.toLowerCase() === me.username.toLowerCase()) errors.newPassword = validationMessage('passwordIsUsername');
        else if (values.newPassword === values.currentPassword) errors.newPassword = validationMessage('passwordUnchanged');
      }
      if (values.confirmPassword !== values.newPassword) errors.confirmPassword = validationMessage('passwordMismatch');
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      notifySuccess(t('account.passwordChanged'));
      form.reset();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      onDone?.();
    },
  });

  return (
    <form onSubmit={form.onSubmit(({ currentPassword, newPassword }) => save.mutate({ currentPassword, newPassword }))} noValidate>
      <Stack maw={420}>
        <PasswordInput label={t('account.currentPassword')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
        <PasswordInput
          label={t('account.newPassword')}
          description={t('account.passwordRule', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput label={t('account.confirmPassword')} autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
