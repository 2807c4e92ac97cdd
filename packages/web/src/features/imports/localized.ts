import type { LocalizedText } from '@sinergi/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Picks the UI language's half of a text the server sends in both (issue messages, template names). */
export function useLocalized() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return useCallback((text: LocalizedText | null | undefined): string => (text ? text[language] || text.id : ''), [language]);
}
