import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionEnded } from '../../api/client.ts';
import { rememberLanguage } from '../../i18n/index.ts';
import { clearSession } from './api.ts';
import { useMeQuery } from './session.ts';

/** Keeps the UI in step with the session: its language on sign-in, a clean slate when it ends. */
export function SessionEffects() {
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const me = useMeQuery().data;
  const userId = me?.id;
  const userLanguage = me?.language;

  useEffect(() => {
    onSessionEnded(() => {
      clearSession(queryClient);
      notifications.show({ id: 'session-ended', color: 'yellow', message: t('auth.sessionEnded') });
    });
  }, [queryClient, t]);

  // The account's saved language applies once per sign-in; later switches are the user's own.
  useEffect(() => {
    if (!userId || !userLanguage) return;
    rememberLanguage(userLanguage);
    if (i18n.language !== userLanguage) void i18n.changeLanguage(userLanguage);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);

  return null;
}
