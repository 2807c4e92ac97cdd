import { Alert, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TargetingRun } from '@sinergi/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import { useLocalText } from '../local-text.ts';

const STATUS_COLORS = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' } as const;

function Count({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">{label}</Text>
      <Text fz="xl" fw={700} data-testid={testId}>{value}</Text>
    </div>
  );
}

/** A run's state and progress, its snapshot (what it was computed from, by whom), and its counts per kecamatan. */
export function RunSummary({ run }: { run: TargetingRun }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const number = (value: number | null) => (value === null ? '–' : format.number(value));
  const percent = run.totalFamilies ? Math.min(100, Math.round((run.processedFamilies / run.totalFamilies) * 100)) : 0;
  const busy = run.status === 'queued' || run.status === 'running';

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="run-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4" id="run-title">{t('programs.targeting.run')}</Title>
          <Badge color={STATUS_COLORS[run.status]} variant="light" data-testid="run-status">{t(`programs.targeting.statuses.${run.status}`)}</Badge>
        </Group>
        {busy && (
          <Stack gap={4}>
            <Progress value={run.status === 'queued' ? 0 : Math.max(percent, 3)} animated aria-label={t('programs.targeting.progress')} />
            <Text fz="sm" c="dimmed">
              {t(`programs.targeting.phases.${run.phase}`)} · {t('programs.targeting.processed', { done: format.number(run.processedFamilies), total: number(run.totalFamilies) })}
            </Text>
          </Stack>
        )}
        {run.error && <Alert color="red" role="alert">{local(run.error)}</Alert>}
        {run.status === 'done' && (
          <SimpleGrid cols={{ base: 3 }} spacing="sm">
            <Count label={t('programs.targeting.qualified')} value={number(run.qualified)} testId="run-qualified" />
            <Count label={t('programs.targeting.selected')} value={number(run.selected)} testId="run-selected" />
            <Count label={t('programs.targeting.waiting')} value={number(run.waiting)} testId="run-waiting" />
          </SimpleGrid>
        )}
        <Text fz="xs" c="dimmed" data-testid="run-snapshot">
          {t('programs.targeting.snapshot', {
            version: run.ruleVersion,
            date: format.date(run.referenceDate),
            registry: run.registrySnapshotAt ? format.dateTime(run.registrySnapshotAt) : '–',
            families: number(run.registryFamilies),
            members: number(run.registryMembers),
            user: run.createdBy ?? '–',
            at: format.dateTime(run.createdAt),
          })}
          {run.targetFamilies !== null && ` ${t('programs.targeting.target', { target: format.number(run.targetFamilies) })}`}
          {run.adopted && ` ${t('programs.targeting.adopted')}`}
        </Text>
        {run.byKecamatan.length > 0 && (
          <Table.ScrollContainer minWidth={420} mah={360}>
            <Table fz="sm" verticalSpacing={4} striped data-testid="run-by-kecamatan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programs.kecamatan')}</Table.Th>
                  <Table.Th ta="right">{t('programs.targeting.quota')}</Table.Th>
                  <Table.Th ta="right">{t('programs.targeting.qualified')}</Table.Th>
                  <Table.Th ta="right">{t('programs.targeting.selected')}</Table.Th>
                  <Table.Th ta="right">{t('programs.targeting.waiting')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {run.byKecamatan.map((row) => (
                  <Table.Tr key={row.kecamatanCode}>
                    <Table.Td>{row.kecamatanName}</Table.Td>
                    <Table.Td ta="right">{number(row.quota)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.qualified)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.selected)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.waiting)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
