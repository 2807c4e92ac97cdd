import { Button, NativeSelect, Paper } from '@mantine/core';
import { IMPORT_STATUSES, ImportStatus } from '@sinergi/domain';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useImportBatches } from './api.ts';
import { ImportBatchCards, ImportBatchTable } from './ImportBatchList.tsx';

/** The history of import batches: which file, who, when, its status and counts; each opens its wizard or report. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const params = useListParams();
  const isMobile = useIsMobile();
  const batches = useImportBatches({
    status: ImportStatus.safeParse(params.get('status')).data,
    page: params.page,
    pageSize: params.getNumber('pageSize', 25),
  });

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        description={t('imports.description')}
        actions={<Button component={Link} to="/impor/baru" leftSection={<IconFileImport size={16} aria-hidden />}>{t('imports.new')}</Button>}
      />
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <NativeSelect
          label={t('imports.statusFilter')}
          maw={320}
          value={params.get('status')}
          onChange={(event) => params.set({ status: event.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...IMPORT_STATUSES.map((status) => ({ value: status, label: t(`imports.status.${status}`) }))]}
        />
      </Paper>
      <PagedResult query={batches} emptyTitle={t('imports.emptyTitle')} emptyMessage={t('imports.emptyMessage')} bare={isMobile}>
        {(items) => (isMobile ? <ImportBatchCards items={items} /> : <ImportBatchTable items={items} />)}
      </PagedResult>
    </>
  );
}
