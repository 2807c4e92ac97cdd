import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Desil 1–5 is the poorest half, the target of most programs; it stands out. */
export function DesilBadge({ desil }: { desil: number | null }) {
  const { t } = useTranslation();
  if (desil === null) return <Badge variant="outline" color="gray">{t('families.desilUnknown')}</Badge>;
  const color = desil <= 2 ? 'red' : desil <= 5 ? 'orange' : 'blue';
  return <Badge variant="light" color={color}>{t('families.desilValue', { desil })}</Badge>;
}
