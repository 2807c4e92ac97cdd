import { Badge } from '@mantine/core';
import type { ImportStatus } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ImportStatus, string> = {
  uploaded: 'gray',
  mapped: 'blue',
  running: 'cyan',
  paused: 'yellow',
  failed: 'red',
  done: 'teal',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Badge component="span" color={COLORS[status]} variant="light">{t(`imports.status.${status}`)}</Badge>;
}
