import { Alert, Box, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { clearSession, logout } from './api.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { useSession } from './session.ts';

/** A first sign-in or an admin reset: nothing else opens until the user sets their own password. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.forcedTitle'));
  const me = useSession();
  const queryClient = useQueryClient();
  if (!me.mustChangePassword) return <Navigate to="/" replace />;

  const signOut = async () => {
    await logout().catch(() => undefined);
    clearSession(queryClient);
  };

  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" px="md" py="lg">
      <Group justify="flex-end" gap="sm">
        <LanguageSelect />
        <Button variant="default" onClick={() => void signOut()}>{t('shell.signOut')}</Button>
      </Group>
      <Center component="main" mt="xl">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={480}>
          <Stack gap="md">
            <Text fw={700} c="blue.8" fz="xl">{t('app.name')}</Text>
            <Title order={1} fz="h2">{t('account.forcedTitle')}</Title>
            <Alert color="blue" icon={<IconLock aria-hidden />}>
              {t('account.forcedExplanation', { name: me.fullName })}
            </Alert>
            <ChangePasswordForm />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
