import { Badge, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Decree, Program } from '@sinergi/domain';
import { IconDownload, IconFileTypePdf, IconPlus, IconTable, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download.ts';
import { notifyError, notifySuccess } from '../../../api/query-client.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useCan } from '../../auth/session.ts';
import { uploadDecreeFile, useDecrees, useRefreshProgram } from '../api.ts';
import { DecreeForm } from './DecreeForm.tsx';

/** The decrees (SK) that fix the verified list, their signed scans, and the list as Excel or PDF. */
export function DecreePanel({ program }: { program: Program }) {
  const { t } = useTranslation();
  const decrees = useDecrees(program.id);
  const [creating, setCreating] = useState(false);
  const mayCreate = program.canManage && program.status === 'active' && program.enrolments.verified > 0;
  return (
    <Stack gap="md">
      {mayCreate && !creating && (
        <Button leftSection={<IconPlus size={16} aria-hidden />} w="fit-content" onClick={() => setCreating(true)}>{t('programs.decree.create')}</Button>
      )}
      {program.canManage && program.enrolments.verified === 0 && <Text fz="sm" c="dimmed">{t('programs.decree.nothingVerified')}</Text>}
      {creating && <DecreeForm program={program} onDone={() => setCreating(false)} />}
      {decrees.error && <QueryError error={decrees.error} onRetry={() => void decrees.refetch()} />}
      {decrees.data?.length === 0 && <EmptyState title={t('programs.decree.none')} />}
      {decrees.data?.map((decree) => <DecreeCard key={decree.id} program={program} decree={decree} />)}
    </Stack>
  );
}

function DecreeCard({ program, decree }: { program: Program; decree: Decree }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canExport = useCan('registry.export');
  const refresh = useRefreshProgram(program.id);
  const base = `/programs/${program.id}/decrees/${decree.id}`;
  const upload = useMutation({
    mutationFn: (file: File) => uploadDecreeFile(program.id, decree.id, file),
    onSuccess: async () => {
      notifySuccess(t('programs.decree.uploaded'));
      await refresh();
    },
  });
  const download = (format: 'xlsx' | 'pdf') => {
    downloadFile(`${base}/export`, { format }, `sk-${decree.number}.${format}`).catch(notifyError);
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="decree">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h5">{t('programs.decree.heading', { number: decree.number })}</Title>
          <Badge variant="light">{t(`programs.decree.kinds.${decree.kind}`)}</Badge>
        </Group>
        <Text fz="sm">
          {t('programs.decree.facts', { date: format.date(decree.decreeDate), signedBy: decree.signedBy, n: format.number(decree.enrolmentCount) })}
        </Text>
        {decree.title && <Text fz="sm" c="dimmed">{decree.title}</Text>}
        <Group gap="xs" wrap="wrap">
          {decree.file ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => { downloadFile(`${base}/file`, {}, decree.file?.name ?? 'sk.pdf').catch(notifyError); }}
            >
              {t('programs.decree.file', { name: decree.file.name })}
            </Button>
          ) : (
            <Text fz="sm" c="orange">{t('programs.decree.noFile')}</Text>
          )}
          {program.canManage && (
            <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/jpeg,image/png">
              {(props) => <Button {...props} size="xs" variant="light" loading={upload.isPending} leftSection={<IconUpload size={14} aria-hidden />}>{t('programs.decree.upload')}</Button>}
            </FileButton>
          )}
          {canExport && (
            <>
              <Button size="xs" variant="light" leftSection={<IconTable size={14} aria-hidden />} onClick={() => download('xlsx')}>{t('programs.decree.exportXlsx')}</Button>
              <Button size="xs" variant="light" leftSection={<IconFileTypePdf size={14} aria-hidden />} onClick={() => download('pdf')}>{t('programs.decree.exportPdf')}</Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
