import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { ImportBatch } from '@sinergi/domain';
import { IconAlertTriangle, IconArrowLeft, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { importBatchQueryKey, importsQueryKey, startImport, useImportPreview } from './api.ts';
import { PreviewSheet } from './PreviewSheet.tsx';

/** Step 3: the first rows of each sheet as the import will judge them, then the start button. */
export function PreviewStep({ batch, onBack }: { batch: ImportBatch; onBack: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mappingVersion = batch.sheets.map((sheet) => JSON.stringify(sheet.mapping)).join('|');
  const preview = useImportPreview(batch.id, true, mappingVersion);
  const start = useMutation({
    meta: { inlineError: true },
    mutationFn: () => startImport(batch.id),
    onSuccess: async (started) => {
      queryClient.setQueryData(importBatchQueryKey(batch.id), started);
      await queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'list'] });
    },
  });

  return (
    <Stack gap="md">
      <Text>{t('imports.preview.explanation')}</Text>
      {preview.error && <QueryError error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.isPending && <Skeleton height={320} radius="md" aria-label={t('common.loading')} />}
      {preview.data?.sheets.map((sheet) => <PreviewSheet key={sheet.name} sheet={sheet} />)}
      {start.error && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('imports.preview.startFailed')} role="alert">{start.error.message}</Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t('imports.preview.backToMapping')}
        </Button>
        <Button
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          loading={start.isPending}
          disabled={!preview.data}
          onClick={() => start.mutate()}
        >
          {t('imports.preview.start', { rows: batch.rowsTotal ?? 0 })}
        </Button>
      </Group>
    </Stack>
  );
}
