import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;

export interface Formatters {
  number: (value: number) => string;
  rupiah: (value: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
}

/** Numbers and dates in the conventions of the current UI language (1.234 and 5/1/2025 in Indonesian). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? LOCALES.en : LOCALES.id;
  return useMemo(() => {
    const number = new Intl.NumberFormat(locale);
    const rupiah = new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const safe = (format: Intl.DateTimeFormat, iso: string) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : format.format(parsed);
    };
    return {
      number: (value) => number.format(value),
      rupiah: (value) => rupiah.format(value),
      date: (iso) => safe(date, iso),
      dateTime: (iso) => safe(dateTime, iso),
    };
  }, [locale]);
}
