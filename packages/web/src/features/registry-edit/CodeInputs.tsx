import { MultiSelect, NativeSelect } from '@mantine/core';
import type { CodeList } from '@sinergi/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface CodeSelectProps<C extends string | number> {
  label: string;
  list: CodeList<C>;
  value: C | null;
  onChange: (value: C | null) => void;
  error?: ReactNode;
  withAsterisk?: boolean;
  /** Without it, "not recorded" is not offered. */
  clearable?: boolean;
  /** What choosing nothing means here; default "not recorded". */
  emptyLabel?: string;
}

/** One coded answer (floor type, relation…) by its label in the UI language; a native select, kind to phones. */
export function CodeSelect<C extends string | number>({ label, list, value, onChange, error, withAsterisk, clearable = true, emptyLabel }: CodeSelectProps<C>) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const data = [
    ...(clearable ? [{ value: '', label: emptyLabel ?? t('common.notRecorded') }] : []),
    ...list.map((item) => ({ value: String(item.code), label: item[language] })),
  ];
  return (
    <NativeSelect
      label={label}
      data={data}
      value={value === null ? '' : String(value)}
      error={error}
      withAsterisk={withAsterisk}
      onChange={(event) => {
        const chosen = list.find((item) => String(item.code) === event.currentTarget.value);
        onChange(chosen ? chosen.code : null);
      }}
    />
  );
}

interface CodeMultiSelectProps {
  label: string;
  list: CodeList<string>;
  value: string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
}

/** A set of coded answers (assets, disabilities, PPKS categories). */
export function CodeMultiSelect({ label, list, value, onChange, error }: CodeMultiSelectProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <MultiSelect
      label={label}
      data={list.map((item) => ({ value: item.code, label: item[language] }))}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable
      placeholder={value.length === 0 ? t('common.none') : undefined}
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
