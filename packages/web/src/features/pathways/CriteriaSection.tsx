import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { GraduationCriteria } from '@sinergi/domain';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../auth/session.ts';
import { useLocalText } from '../programs/local-text.ts';
import { useGraduationCriteria } from './api.ts';
import { CriteriaEditor } from './CriteriaEditor.tsx';

/** The graduation criteria ("naik kelas") in words for everyone; users allowed to configure them edit them here. */
export function CriteriaSection() {
  const { t } = useTranslation();
  const canConfigure = useCan('pathways.configure');
  const criteria = useGraduationCriteria();
  const [editing, setEditing] = useState(false);
  if (criteria.error) return <QueryError error={criteria.error} onRetry={() => void criteria.refetch()} />;
  if (!criteria.data) return null;
  const current = criteria.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="criteria-heading">
      <Stack gap="sm">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Title order={2} fz="h4" id="criteria-heading">{t('pathways.criteriaTitle')}</Title>
            <Badge variant="light">{current.version === 0 ? t('pathways.criteriaDefault') : t('pathways.criteriaVersion', { version: current.version })}</Badge>
          </Group>
          {canConfigure && !editing && (
            <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>{t('pathways.criteriaEditor.edit')}</Button>
          )}
        </Group>
        <LastChange criteria={current} />
        {editing ? <CriteriaEditor criteria={current} onClose={() => setEditing(false)} /> : <CriteriaText criteria={current} canConfigure={canConfigure} />}
      </Stack>
    </Paper>
  );
}

function LastChange({ criteria }: { criteria: GraduationCriteria }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (criteria.version === 0 || !criteria.createdAt) return <Text fz="sm" c="dimmed" data-testid="criteria-changed">{t('pathways.criteriaEditor.neverChanged')}</Text>;
  return (
    <Stack gap={2}>
      <Text fz="sm" c="dimmed" data-testid="criteria-changed">
        {t('pathways.criteriaEditor.changedBy', { user: criteria.createdBy ?? t('pathways.criteriaEditor.unknownUser'), date: format.dateTime(criteria.createdAt) })}
      </Text>
      {criteria.note && <Text fz="sm" c="dimmed">{t('pathways.criteriaEditor.changeNote', { note: criteria.note })}</Text>}
    </Stack>
  );
}

function CriteriaText({ criteria, canConfigure }: { criteria: GraduationCriteria; canConfigure: boolean }) {
  const { t } = useTranslation();
  const local = useLocalText();
  return (
    <>
      <Text fz="sm" style={{ whiteSpace: 'pre-line' }} data-testid="graduation-criteria">{local(criteria.text)}</Text>
      {!canConfigure && <Text fz="xs" c="dimmed">{t('pathways.criteriaEditor.readOnly')}</Text>}
    </>
  );
}
