import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { DESIL_LEVELS, type DesilChange, type DesilLevel } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useFormat } from '../../i18n/format.ts';
import { DesilBadge } from '../families/DesilBadge.tsx';
import { useDesilHistory } from './api.ts';

/** The family's desil at each level now, when first recorded, and every change in between (oldest first). */
export function DesilHistoryPanel({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isMobile = useIsMobile();
  const history = useDesilHistory(familyId);
  if (history.error) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Skeleton height={200} radius="md" aria-label={t('common.loading')} />;
  const { initial, current, changes, recordedSince } = history.data;
  const levelLabel = (level: DesilLevel) => t(`desilHistory.levels.${level}`);
  const source = (change: DesilChange) => (change.source === 'import' && change.batch ? t('history.sourceImportFile', { file: change.batch.fileName }) : t(`history.sources.${change.source}`));
  const who = (change: DesilChange) => change.actor?.fullName ?? t('audit.system');

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {DESIL_LEVELS.map((level) => (
          <Paper key={level} withBorder p="sm" radius="md">
            <Text fz="xs" c="dimmed">{levelLabel(level)}</Text>
            <Group gap="xs" mt={4}>
              <DesilBadge desil={current[level]} />
              {initial[level] !== current[level] && (
                <Text fz="xs" c="dimmed">{t('desilHistory.wasAtStart', { desil: initial[level] ?? '–' })}</Text>
              )}
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      <Text fz="sm" c="dimmed">{t('desilHistory.recordedSince', { date: format.date(recordedSince) })}</Text>
      <Title order={3} fz="h5">{t('desilHistory.changesTitle')}</Title>
      {changes.length === 0 ? (
        <Text fz="sm" c="dimmed">{t('desilHistory.noChanges')}</Text>
      ) : isMobile ? (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {changes.map((change, index) => (
            <Paper key={`${change.at}-${change.level}-${String(index)}`} component="li" withBorder p="sm" radius="md">
              <Text fz="sm" fw={600}>{levelLabel(change.level)}: {change.from ?? '–'} → {change.to ?? '–'}</Text>
              <Text fz="xs" c="dimmed">{format.dateTime(change.at)} · {who(change)}</Text>
              <Badge variant="light" tt="none" mt={4}>{source(change)}</Badge>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('desilHistory.when')}</Table.Th>
              <Table.Th>{t('desilHistory.level')}</Table.Th>
              <Table.Th>{t('desilHistory.change')}</Table.Th>
              <Table.Th>{t('desilHistory.source')}</Table.Th>
              <Table.Th>{t('desilHistory.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change, index) => (
              <Table.Tr key={`${change.at}-${change.level}-${String(index)}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(change.at)}</Table.Td>
                <Table.Td>{levelLabel(change.level)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap"><DesilBadge desil={change.from} />→<DesilBadge desil={change.to} /></Group>
                </Table.Td>
                <Table.Td>{source(change)}</Table.Td>
                <Table.Td>{who(change)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
