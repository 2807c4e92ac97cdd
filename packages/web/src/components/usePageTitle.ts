import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab (and what screen readers announce on navigation) after the page. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
