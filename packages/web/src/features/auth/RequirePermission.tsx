import type { Permission } from '@sinergi/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useCan } from './session.ts';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  if (!useCan(permission)) return <EmptyState title={t('errors.forbiddenTitle')} message={t('errors.forbiddenPage')} />;
  return <>{children}</>;
}
