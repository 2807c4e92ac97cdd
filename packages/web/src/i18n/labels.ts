import { labelOf, type CodeList } from '@sinergi/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Label of a coded answer (floor type, relation, PPKS…) in the UI language; an unknown code shows as itself. */
export function useCodeLabel() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    <C extends string | number>(list: CodeList<C>, code: C | null | undefined): string | null => {
      if (code === null || code === undefined) return null;
      return labelOf(list, code, language === 'en' ? 'en' : 'id') ?? String(code);
    },
    [language],
  );
}
