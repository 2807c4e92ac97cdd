import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.notFoundTitle')} />
      <EmptyState
        title={t('errors.notFoundTitle')}
        message={t('errors.notFoundPage')}
        action={<Button component={Link} to="/">{t('nav.dashboard')}</Button>}
      />
    </>
  );
}
