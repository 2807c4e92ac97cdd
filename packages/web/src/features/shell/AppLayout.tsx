import { AppShell, Box, Burger, Divider, Group, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { LanguageSelect } from '../auth/LanguageSelect.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { useSession } from '../auth/session.ts';
import classes from './AppLayout.module.css';
import { NavMenu } from './NavMenu.tsx';
import { SignOutButton } from './SignOutButton.tsx';
import { UserSummaryCard } from './UserSummaryCard.tsx';

/** Moves keyboard and screen-reader focus to the new page's title after each navigation. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById('page-title') ?? document.getElementById('main-content');
      target?.focus({ preventScroll: false });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useIsMobile();
  const busy = useIsFetching() + useIsMutating() > 0;
  useFocusOnNavigation();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <a href="#main-content" className={classes.skipLink}>{t('shell.skipToContent')}</a>
      <AppShell.Header>
        {busy && <Progress className={classes.fetchingBar} value={100} animated striped size={3} radius={0} aria-hidden />}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')} aria-expanded={opened} aria-controls="app-navbar" />
            <Stack gap={0} miw={0}>
              <Text fw={800} fz="lg" c="blue.8" lh={1.1}>{t('app.name')}</Text>
              <Text fz="xs" c="dimmed" truncate="end">{me.jurisdiction.name}</Text>
            </Stack>
          </Group>
          {isMobile && <NotificationBell />}
          {!isMobile && (
            <Group gap="md" wrap="nowrap">
              <NotificationBell />
              <UserSummaryCard compact />
              <LanguageSelect />
              <SignOutButton />
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="app-navbar" aria-label={t('shell.mainNavigation')} inert={isMobile && !opened}>
        {isMobile && (
          <Box mb="sm">
            <UserSummaryCard />
            <Divider mt="sm" />
          </Box>
        )}
        <AppShell.Section grow component={ScrollArea}>
          <NavMenu onNavigate={close} />
        </AppShell.Section>
        {isMobile && (
          <AppShell.Section>
            <Divider mb="sm" />
            <Stack gap="sm">
              <LanguageSelect withVisibleLabel />
              <SignOutButton fullWidth />
            </Stack>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
