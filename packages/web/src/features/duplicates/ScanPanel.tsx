import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconScan } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../auth/session.ts';
import { duplicatesQueryKey, startScan, useLatestScan } from './api.ts';

/** The last whole-registry scan (when, by whom, pairs found), its live progress, and the button to run one. */
export function ScanPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const canWrite = useCan('registry.write');
  const latest = useLatestScan();
  const scan = latest.data ?? null;
  const running = scan?.status === 'running';
  const start = useMutation({
    mutationFn: startScan,
    onSuccess: (started) => queryClient.setQueryData([...duplicatesQueryKey, 'scan', 'latest'], started),
  });
  // When a scan finishes, the queue below has new pairs.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !running) void queryClient.invalidateQueries({ queryKey: [...duplicatesQueryKey, 'list'] });
    wasRunning.current = running;
  }, [running, queryClient]);
  const percent = scan && scan.blocksTotal > 0 ? Math.floor((scan.blocksDone / scan.blocksTotal) * 100) : 0;

  return (
    <Paper withBorder p="md" radius="md" mb="md" component="section" aria-labelledby="scan-title">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
          <Text fw={600} id="scan-title">{t('duplicates.scan.title')}</Text>
          <Text fz="sm" c="dimmed">
            {!scan
              ? t('duplicates.scan.never')
              : scan.status === 'failed'
                ? t('duplicates.scan.lastFailed', { when: format.dateTime(scan.finishedAt ?? scan.startedAt), who: scan.startedBy ?? t('audit.system') })
                : running
                ? t('duplicates.scan.running', { done: format.number(scan.blocksDone), total: format.number(scan.blocksTotal), pairs: format.number(scan.pairsFound) })
                : t('duplicates.scan.last', { when: format.dateTime(scan.finishedAt ?? scan.startedAt), who: scan.startedBy ?? t('audit.system'), pairs: format.number(scan.pairsFound) })}
          </Text>
        </Stack>
        {canWrite && (
          <Button leftSection={<IconScan size={16} aria-hidden />} loading={start.isPending} disabled={running} onClick={() => start.mutate()}>
            {running ? t('duplicates.scan.inProgress') : t('duplicates.scan.start')}
          </Button>
        )}
      </Group>
      {running && (
        <Progress.Root size="lg" mt="sm">
          <Progress.Section value={percent} animated striped aria-labelledby="scan-title">
            <Progress.Label>{percent}%</Progress.Label>
          </Progress.Section>
        </Progress.Root>
      )}
      {scan?.status === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} mt="sm" title={t('duplicates.scan.failed')}>
          <Text fz="sm">{t('duplicates.scan.failedHint')}</Text>
          {scan.error && <Text fz="xs" c="dimmed" mt={4}>{scan.error}</Text>}
        </Alert>
      )}
    </Paper>
  );
}
