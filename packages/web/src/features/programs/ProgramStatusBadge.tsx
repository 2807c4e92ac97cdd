import { Badge } from '@mantine/core';
import type { ProgramStatus } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ProgramStatus, string> = { draft: 'gray', active: 'teal', closed: 'dark' };

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[status]} variant="light">{t(`programs.statuses.${status}`)}</Badge>;
}
