import type { LocalText } from '@sinergi/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Picks the UI language's half of a text the server or the domain gives in both languages. */
export function useLocalText(): (text: LocalText | null | undefined) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useCallback((text) => (text ? (english ? text.en : text.id) : ''), [english]);
}
