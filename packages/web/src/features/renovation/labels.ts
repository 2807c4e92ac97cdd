import type { LocalText, RenovationStage } from '@sinergi/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export const STAGE_COLORS: Record<RenovationStage, string> = {
  proposed: 'gray', assessed: 'yellow', verified: 'cyan', scheduled: 'blue', in_progress: 'orange', completed: 'green', rejected: 'red',
};

/** A bilingual text from the domain package in the UI language. */
export function useLocalText() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return useCallback((text: LocalText) => text[language], [language]);
}

/** Today in the browser's time zone, as the date inputs want it. */
export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export const CURRENT_YEAR = new Date().getFullYear();
