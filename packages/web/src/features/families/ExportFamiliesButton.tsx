import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { DEFAULT_EXPORT_MAX_ROWS } from '@sinergi/domain';
import { IconAlertTriangle, IconFileSpreadsheet, IconShieldLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/download.ts';
import { notifySuccess } from '../../api/query-client.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../auth/session.ts';
import type { FamilyFilters } from './api.ts';

/**
 * Exports the list as it is filtered now to XLSX, for roles allowed to export personal data. The user is told
 * before and after that the export is recorded in the audit trail under their name.
 */
export function ExportFamiliesButton({ filters, total }: { filters: FamilyFilters; total: number | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canExport = useCan('registry.export');
  const canUnmask = useCan('registry.unmask');
  const [opened, { open, close }] = useDisclosure(false);
  const [includeMembers, setIncludeMembers] = useState(false);
  const [unmask, setUnmask] = useState(false);
  const { page: _page, pageSize: _pageSize, ...listFilters } = filters;
  const exportList = useMutation({
    meta: { inlineError: true },
    mutationFn: () => downloadFile('/families/export', { ...listFilters, includeMembers: includeMembers || undefined, unmask: unmask || undefined }, 'keluarga.xlsx'),
    onSuccess: (fileName) => {
      notifySuccess(t('familyExport.done', { file: fileName }));
      close();
    },
  });
  if (!canExport) return null;

  return (
    <>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={open} disabled={total === 0}>
        {t('familyExport.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('familyExport.title')} centered>
        <Stack>
          <Text>{t('familyExport.what', { count: total ?? 0, total: format.number(total ?? 0) })}</Text>
          {total !== undefined && total > DEFAULT_EXPORT_MAX_ROWS && (
            <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>{t('familyExport.tooMany', { max: format.number(DEFAULT_EXPORT_MAX_ROWS) })}</Alert>
          )}
          <Checkbox label={t('familyExport.includeMembers')} checked={includeMembers} onChange={(event) => setIncludeMembers(event.currentTarget.checked)} />
          {canUnmask && (
            <Checkbox
              label={t('familyExport.unmask')}
              description={t('familyExport.unmaskHint')}
              checked={unmask}
              onChange={(event) => setUnmask(event.currentTarget.checked)}
            />
          )}
          <Alert color="orange" icon={<IconShieldLock aria-hidden />}>{t('familyExport.audited')}</Alert>
          {exportList.error && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('familyExport.failed')} role="alert">{exportList.error.message}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button leftSection={<IconFileSpreadsheet size={16} aria-hidden />} loading={exportList.isPending} onClick={() => exportList.mutate()}>
              {t('familyExport.download')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
