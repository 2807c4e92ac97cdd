import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { changeFieldLabel, formatChangeValue, type ChangeEntity, type FieldChanges } from '@sinergi/domain';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { familyKey, fetchRecentChanges } from './api.ts';

interface ConflictNoticeProps {
  entity: ChangeEntity;
  familyId: string;
  entityId: string;
  /** Start value → current value of each field the other person changed. */
  theirs: FieldChanges;
  /** The fields this user changed and has not saved. */
  mine: string[];
  onReload: () => void;
}

/**
 * A 409 on save: someone saved this record after the form was opened. Says who and what, keeps the user's own
 * input visible, and lets them reload the current record to apply their change again on top of it.
 */
export function ConflictNotice({ entity, familyId, entityId, theirs, mine, onReload }: ConflictNoticeProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const recent = useQuery({ queryKey: [...familyKey(familyId), 'history', 'recent'], queryFn: () => fetchRecentChanges(familyId), staleTime: 0 });
  const latest = recent.data?.items.find((entry) => entry.entityId === entityId);
  const label = (field: string) => changeFieldLabel(entity, field)[language];
  const value = (field: string, v: FieldChanges[string][number]) => formatChangeValue(entity, field, v, language);
  const fields = Object.entries(theirs);
  const overlap = mine.filter((field) => field in theirs);
  const kept = mine.filter((field) => !(field in theirs));
  const alert = useRef<HTMLDivElement>(null);
  // The save button is where the user looks; the notice appears next to it and is scrolled into view.
  useEffect(() => {
    alert.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);

  return (
    <Alert ref={alert} color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('edit.conflictTitle')} role="alert">
      <Stack gap="xs">
        <Text fz="sm">
          {latest?.actor
            ? t('edit.conflictBy', { who: `${latest.actor.fullName} (${latest.actor.username})`, when: format.dateTime(latest.at) })
            : t('edit.conflictSomeone')}
        </Text>
        {fields.length > 0 ? (
          <List fz="sm" spacing={2}>
            {fields.map(([field, [before, after]]) => (
              <List.Item key={field}>{t('edit.conflictField', { field: label(field), before: value(field, before), after: value(field, after) })}</List.Item>
            ))}
          </List>
        ) : (
          <Text fz="sm">{t('edit.conflictOtherFields')}</Text>
        )}
        {kept.length > 0 && <Text fz="sm">{t('edit.conflictKept', { fields: kept.map(label).join(', ') })}</Text>}
        {overlap.length > 0 && <Text fz="sm" fw={500}>{t('edit.conflictOverlap', { fields: overlap.map(label).join(', ') })}</Text>}
        <Group>
          <Button size="xs" color="orange" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>{t('edit.reload')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
