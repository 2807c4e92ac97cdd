import { Alert, Button, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import type { ImportBatch } from '@sinergi/domain';
import { IconAlertTriangle, IconUpload, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { importBatchQueryKey, importsQueryKey, uploadImport } from './api.ts';
import { checkImportFiles, IMPORT_ACCEPT, MAX_IMPORT_FILES, MAX_IMPORT_FILE_BYTES, type FileProblem } from './file-checks.ts';
import { FileDropZone } from './FileDropZone.tsx';
import { useFileSize } from './file-size.ts';
import { WizardSteps } from './WizardSteps.tsx';

/** Step 1 of the import: choose the DTSEN/DTKS file(s), check them here, send them with a progress bar. */
export default function NewImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const format = useFormat();
  const fileSize = useFileSize();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const problems = checkImportFiles(files);

  const upload = useMutation({
    meta: { inlineError: true },
    mutationFn: (chosen: File[]) => {
      abort.current = new AbortController();
      setProgress({ loaded: 0, total: chosen.reduce((sum, f) => sum + f.size, 0) });
      return uploadImport(chosen, setProgress, abort.current.signal);
    },
    onSuccess: async (batch: ImportBatch) => {
      queryClient.setQueryData(importBatchQueryKey(batch.id), batch);
      await queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'list'] });
      void navigate(`/impor/${batch.id}`);
    },
    onSettled: () => {
      abort.current = null;
    },
  });
  const cancelled = upload.error instanceof DOMException && upload.error.name === 'AbortError';
  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;

  const describe = (problem: FileProblem): string => {
    switch (problem.kind) {
      case 'tooMany': return t('imports.upload.problems.tooMany', { max: problem.max });
      case 'xls': return t('imports.upload.problems.xls', { file: problem.file });
      case 'type': return t('imports.upload.problems.type', { file: problem.file });
      case 'empty': return t('imports.upload.problems.empty', { file: problem.file });
      case 'size': return t('imports.upload.problems.size', { file: problem.file, max: format.number(problem.maxMb) });
    }
  };

  return (
    <>
      <PageHeader
        title={t('imports.newTitle')}
        description={t('imports.newDescription')}
        above={<Text component={Link} to="/impor" fz="sm" c="blue">{t('imports.backToList')}</Text>}
      />
      <WizardSteps step="upload" />
      <Stack gap="md" maw={760}>
        <FileDropZone
          accept={IMPORT_ACCEPT}
          multiple
          disabled={upload.isPending}
          hint={t('imports.upload.hint', { max: MAX_IMPORT_FILES, size: fileSize(MAX_IMPORT_FILE_BYTES) })}
          onFiles={(chosen) => {
            upload.reset();
            setFiles(chosen);
          }}
        />
        {files.length > 0 && (
          <Paper withBorder p="md" radius="md" component="section" aria-label={t('imports.upload.chosen')}>
            <Text fw={600} mb="xs">{t('imports.upload.chosen')}</Text>
            <List spacing={4} fz="sm">
              {files.map((file) => (
                <List.Item key={`${file.name}-${String(file.size)}`}>
                  {file.name} <Text span c="dimmed" fz="sm">({fileSize(file.size)})</Text>
                </List.Item>
              ))}
            </List>
            {problems.length > 0 && (
              <Alert mt="sm" color="red" icon={<IconAlertTriangle aria-hidden />} title={t('imports.upload.cannotUpload')} role="alert">
                <List fz="sm" spacing={2}>{problems.map((p) => <List.Item key={describe(p)}>{describe(p)}</List.Item>)}</List>
              </Alert>
            )}
            {upload.isPending && progress && (
              <Stack gap={4} mt="md">
                <Text fz="sm" id="upload-progress-label">
                  {t('imports.upload.sending', { loaded: fileSize(progress.loaded), total: fileSize(progress.total), percent })}
                </Text>
                <Progress value={percent} animated={percent >= 100} aria-labelledby="upload-progress-label" />
                {percent >= 100 && <Text fz="xs" c="dimmed">{t('imports.upload.reading')}</Text>}
              </Stack>
            )}
            {upload.error && !cancelled && (
              <Alert mt="sm" color="red" icon={<IconAlertTriangle aria-hidden />} title={t('imports.upload.failed')} role="alert">
                {upload.error.message}
              </Alert>
            )}
            {cancelled && <Text mt="sm" fz="sm" c="dimmed" role="status">{t('imports.upload.cancelled')}</Text>}
            <Group justify="flex-end" mt="md">
              {upload.isPending ? (
                <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => abort.current?.abort()}>
                  {t('imports.upload.cancel')}
                </Button>
              ) : (
                <Button variant="default" onClick={() => setFiles([])}>{t('common.clear')}</Button>
              )}
              <Button
                leftSection={<IconUpload size={16} aria-hidden />}
                disabled={problems.length > 0}
                loading={upload.isPending}
                onClick={() => upload.mutate(files)}
              >
                {t('imports.upload.submit')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </>
  );
}
