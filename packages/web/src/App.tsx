import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { SessionEffects } from './features/auth/SessionEffects.tsx';
import { router } from './router.tsx';
import { createAppTheme, cssVariablesResolver } from './theme.ts';

export function App({ queryClient }: { queryClient: QueryClient }) {
  const { t, i18n } = useTranslation();
  // Rebuilt on a language switch, so built-in button names follow the UI language.
  const theme = useMemo(() => createAppTheme(t), [t, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" zIndex={1000} />
      <QueryClientProvider client={queryClient}>
        <SessionEffects />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
