import { Anchor, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import type { ImportBatchSummary } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { outcomeTotal } from './report.ts';

function CountsLine({ batch }: { batch: ImportBatchSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { families, members } = batch.counts;
  const line = (counts: typeof families) => t('imports.list.countsLine', {
    added: format.number(counts.added),
    updated: format.number(counts.updated),
    unchanged: format.number(counts.unchanged),
    rejected: format.number(counts.rejected),
  });
  if (outcomeTotal(families) + outcomeTotal(members) === 0) return <Text fz="sm" c="dimmed">–</Text>;
  return (
    <Stack gap={0}>
      <Text fz="xs"><Text span fw={600} fz="xs">{t('imports.outcomes.families')}:</Text> {line(families)}</Text>
      <Text fz="xs"><Text span fw={600} fz="xs">{t('imports.outcomes.members')}:</Text> {line(members)}</Text>
    </Stack>
  );
}

function RowsProgress({ batch }: { batch: ImportBatchSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (batch.rowsTotal === null) return <Text fz="sm" c="dimmed">–</Text>;
  const percent = batch.rowsTotal ? Math.floor((batch.rowsProcessed / batch.rowsTotal) * 100) : 0;
  return (
    <Stack gap={2}>
      <Text fz="sm">{t('imports.list.rows', { done: format.number(batch.rowsProcessed), total: format.number(batch.rowsTotal) })}</Text>
      {batch.status !== 'done' && batch.status !== 'mapped' && <Progress value={percent} size="xs" aria-hidden />}
    </Stack>
  );
}

export function ImportBatchTable({ items }: { items: ImportBatchSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>{t('imports.list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.list.file')}</Table.Th>
            <Table.Th>{t('imports.list.status')}</Table.Th>
            <Table.Th>{t('imports.list.who')}</Table.Th>
            <Table.Th>{t('imports.list.when')}</Table.Th>
            <Table.Th>{t('imports.list.rowsHeader')}</Table.Th>
            <Table.Th>{t('imports.list.counts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((batch) => (
            <Table.Tr key={batch.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/impor/${batch.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>{batch.fileName}</Anchor>
              </Table.Th>
              <Table.Td><ImportStatusBadge status={batch.status} /></Table.Td>
              <Table.Td>{batch.createdBy ?? t('audit.system')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(batch.createdAt)}</Table.Td>
              <Table.Td><RowsProgress batch={batch} /></Table.Td>
              <Table.Td><CountsLine batch={batch} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ImportBatchCards({ items }: { items: ImportBatchSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('imports.title')}>
      {items.map((batch) => (
        <Paper key={batch.id} component="li" withBorder p="sm" radius="md">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/impor/${batch.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>{batch.fileName}</Anchor>
            <ImportStatusBadge status={batch.status} />
          </Group>
          <Text fz="xs" c="dimmed" mb={4}>{batch.createdBy ?? t('audit.system')} · {format.dateTime(batch.createdAt)}</Text>
          <RowsProgress batch={batch} />
          <CountsLine batch={batch} />
        </Paper>
      ))}
    </Stack>
  );
}
