import { notifications } from '@mantine/notifications';
import type { EditWarning } from '@sinergi/domain';
import i18n from '../../i18n/index.ts';

/** Saved, but worth a second look (a NIK that disagrees with the birth date, two heads of family…). */
export function notifyEditWarnings(warnings: readonly EditWarning[]): void {
  const language = i18n.language === 'en' ? 'en' : 'id';
  for (const warning of warnings) {
    notifications.show({ color: 'yellow', title: i18n.t('edit.warningTitle'), message: warning.message[language], autoClose: 12_000 });
  }
}
