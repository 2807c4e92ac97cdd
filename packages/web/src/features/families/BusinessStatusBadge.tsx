import { Badge } from '@mantine/core';
import type { FamilyListItem } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';

const COLORS = { none: 'gray', active: 'teal', stalled: 'orange' } as const;

export function BusinessStatusBadge({ status }: { status: FamilyListItem['businessStatus'] }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={COLORS[status]}>{t(`business.${status}`)}</Badge>;
}
