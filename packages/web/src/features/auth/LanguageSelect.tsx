import { NativeSelect } from '@mantine/core';
import type { Language } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, rememberLanguage } from '../../i18n/index.ts';
import { storeSession, updatePreferences } from './api.ts';
import { useMeQuery } from './session.ts';

interface LanguageSelectProps {
  /** Shows the label above the field instead of only to assistive technology. */
  withVisibleLabel?: boolean;
  onChanged?: (language: Language) => void;
}

/** Switches the UI language; a signed-in user's choice is saved to the account, otherwise to this browser. */
export function LanguageSelect({ withVisibleLabel = false, onChanged }: LanguageSelectProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMeQuery().data;
  const save = useMutation({
    mutationFn: updatePreferences,
    onSuccess: (updated) => storeSession(queryClient, updated),
  });

  const change = (value: string) => {
    if (!isLanguage(value) || value === currentLanguage()) return;
    rememberLanguage(value);
    void i18n.changeLanguage(value);
    if (me) save.mutate(value);
    onChanged?.(value);
  };

  return (
    <NativeSelect
      label={withVisibleLabel ? t('language.label') : undefined}
      aria-label={withVisibleLabel ? undefined : t('language.label')}
      value={currentLanguage()}
      onChange={(event) => change(event.currentTarget.value)}
      data={[
        { value: 'id', label: t('language.id') },
        { value: 'en', label: t('language.en') },
      ]}
      disabled={save.isPending}
      size="sm"
      w={withVisibleLabel ? undefined : 170}
    />
  );
}
