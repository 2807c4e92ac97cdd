import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { clearSession, logout } from '../auth/api.ts';

export function SignOutButton({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    // Even if the server cannot be reached, this browser forgets the session.
    onSettled: async () => {
      clearSession(queryClient);
      await navigate('/login', { replace: true });
    },
    meta: { inlineError: true },
  });
  return (
    <Button
      variant="default"
      leftSection={<IconLogout size={16} aria-hidden />}
      onClick={() => signOut.mutate()}
      loading={signOut.isPending}
      fullWidth={fullWidth}
    >
      {t('shell.signOut')}
    </Button>
  );
}
