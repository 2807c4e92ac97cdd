import { Button, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { useMeQuery } from './session.ts';

/** Lets only a signed-in user through; one with a temporary password goes to change it first. */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMeQuery();

  if (isPending) return <FullPageLoader />;
  if (error) {
    return (
      <Center mih="100dvh" p="md">
        <Stack align="center" role="alert">
          <Text>{error.message}</Text>
          <Button onClick={() => void refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/ganti-kata-sandi') return <Navigate to="/ganti-kata-sandi" replace />;
  return <Outlet />;
}
