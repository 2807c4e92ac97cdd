import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { LoginRequest, type Language } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { zodValidator } from '../../i18n/validation.tsx';
import { login, storeSession, updatePreferences } from './api.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { useMeQuery } from './session.ts';

/** Only same-app paths are followed after sign-in, never an address from elsewhere. */
function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signInTitle'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMeQuery().data;
  const languageChosenHere = useRef<Language | null>(null);
  const form = useForm<LoginRequest>({
    initialValues: { username: '', password: '' },
    validate: zodValidator<LoginRequest>(LoginRequest),
  });
  const signIn = useMutation({
    mutationFn: login,
    meta: { inlineError: true },
    onSuccess: async (signedIn) => {
      const chosen = languageChosenHere.current;
      // A language picked on this page is what the user wants now, and from now on.
      const session = chosen && chosen !== signedIn.language ? await updatePreferences(chosen).catch(() => signedIn) : signedIn;
      storeSession(queryClient, session);
      await navigate(session.mustChangePassword ? '/ganti-kata-sandi' : safeNextPath(location.search), { replace: true });
    },
  });

  if (me && !signIn.isPending) return <Navigate to={me.mustChangePassword ? '/ganti-kata-sandi' : '/'} replace />;

  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" px="md" py="lg">
      <Group component="header" justify="flex-end">
        <LanguageSelect onChanged={(language) => (languageChosenHere.current = language)} />
      </Group>
      <Center component="main" mt="xl">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="xs" mb="lg">
            <Text fw={700} c="blue.8" fz="xl">{t('app.name')}</Text>
            <Title order={1} fz="h2">{t('auth.signInTitle')}</Title>
            <Text c="dimmed" fz="sm">{t('app.tagline')}</Text>
          </Stack>
          <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
            <Stack>
              {signIn.error && (
                <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                  {signIn.error.message}
                </Alert>
              )}
              <TextInput
                label={t('auth.username')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                // The page exists to type a user name: the cursor waits there, for keyboard users too.
                autoFocus
                {...form.getInputProps('username')}
              />
              <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
              <Button type="submit" loading={signIn.isPending} fullWidth mt="sm">
                {t('auth.signIn')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
