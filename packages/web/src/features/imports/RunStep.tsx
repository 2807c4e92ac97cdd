import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ImportBatch } from '@sinergi/domain';
import { IconAlertTriangle, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { importBatchQueryKey, importsQueryKey, pauseImport, resumeImport } from './api.ts';
import { useLocalized } from './localized.ts';
import { OutcomeTable } from './OutcomeTable.tsx';

function percentOf(done: number, total: number | null): number {
  return total ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

/** Step 4: the batch runs on the server; this shows its progress live and offers pause and resume. */
export function RunStep({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const running = batch.status === 'running';
  const percent = percentOf(batch.rowsProcessed, batch.rowsTotal);
  const control = useMutation({
    mutationFn: (action: 'pause' | 'resume') => (action === 'pause' ? pauseImport(batch.id) : resumeImport(batch.id)),
    onSuccess: async (updated) => {
      queryClient.setQueryData(importBatchQueryKey(batch.id), updated);
      await queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'list'] });
    },
  });
  const mapped = batch.sheets.filter((sheet) => sheet.mapping !== null);

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="run-progress-label">
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Text fw={600} id="run-progress-label">{t(`imports.run.headline.${batch.status === 'running' ? 'running' : batch.status === 'failed' ? 'failed' : 'paused'}`)}</Text>
            <Text fz="sm" c="dimmed">
              {t('imports.run.rows', { done: format.number(batch.rowsProcessed), total: format.number(batch.rowsTotal ?? 0), percent })}
            </Text>
          </Group>
          <Progress.Root size="xl">
            <Progress.Section
              value={percent}
              animated={running}
              striped={running}
              color={batch.status === 'failed' ? 'red' : batch.status === 'paused' ? 'yellow' : 'blue'}
              aria-labelledby="run-progress-label"
            >
              <Progress.Label>{percent}%</Progress.Label>
            </Progress.Section>
          </Progress.Root>
          {/* Screen readers hear the status change, not every second's numbers. */}
          <VisuallyHidden role="status">{t(`imports.status.${batch.status}`)}</VisuallyHidden>
          {mapped.length > 1 && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {mapped.map((sheet) => (
                <div key={sheet.name}>
                  <Text fz="xs" c="dimmed">
                    {t('imports.run.sheetRows', { name: sheet.name, done: format.number(sheet.rowsProcessed), total: format.number(sheet.rowsTotal) })}
                  </Text>
                  <Progress value={percentOf(sheet.rowsProcessed, sheet.rowsTotal)} size="sm" aria-hidden />
                </div>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Paper>
      {batch.status === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('imports.run.failedTitle')} role="alert">
          {localized(batch.error) || t('imports.run.failedUnknown')} {t('imports.run.resumeHint')}
        </Alert>
      )}
      {batch.status === 'paused' && (
        <Alert color="yellow" icon={<IconPlayerPause aria-hidden />} title={t('imports.run.pausedTitle')}>
          {t('imports.run.pausedMessage', { done: format.number(batch.rowsProcessed) })}
        </Alert>
      )}
      <OutcomeTable counts={batch.counts} caption={t('imports.run.countsCaption')} />
      <Group justify="flex-end">
        {running ? (
          <Button variant="default" leftSection={<IconPlayerPause size={16} aria-hidden />} loading={control.isPending} onClick={() => control.mutate('pause')}>
            {t('imports.run.pause')}
          </Button>
        ) : (
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={control.isPending} onClick={() => control.mutate('resume')}>
            {t('imports.run.resume')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
