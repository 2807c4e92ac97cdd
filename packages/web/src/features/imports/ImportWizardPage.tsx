import { Anchor, Group, Skeleton, Text } from '@mantine/core';
import type { ImportBatch } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useImportBatch } from './api.ts';
import { useFileSize } from './file-size.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { MappingStep } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { ReportStep } from './ReportStep.tsx';
import { RunStep } from './RunStep.tsx';
import { WizardSteps, type WizardStep } from './WizardSteps.tsx';

/** The step follows the batch's status; before the run the address bar says whether mapping or preview is shown. */
function stepOf(batch: ImportBatch, requested: string | null): WizardStep {
  switch (batch.status) {
    case 'uploaded':
      return 'mapping';
    case 'mapped':
      return requested === 'mapping' ? 'mapping' : 'preview';
    case 'running':
    case 'paused':
    case 'failed':
      return 'run';
    case 'done':
      return 'report';
  }
}

/** Steps 2–5 of the import for one uploaded batch: mapping, preview, run, report. */
export default function ImportWizardPage() {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  const { batchId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useImportBatch(batchId);
  const batch = query.data;
  const step = batch ? stepOf(batch, params.get('langkah')) : null;
  const go = (next: 'mapping' | 'preview') => setParams(next === 'mapping' ? { langkah: 'mapping' } : {});

  return (
    <>
      <PageHeader
        title={step ? t(`imports.wizard.titles.${step}`) : t('imports.title')}
        above={<Anchor component={Link} to="/impor" fz="sm">{t('imports.backToList')}</Anchor>}
        description={batch && (
          <Group gap="xs" component="span">
            <Text span fz="sm">{t('imports.wizard.fileLine', { file: batch.fileName, size: fileSize(batch.fileSize) })}</Text>
            <ImportStatusBadge status={batch.status} />
          </Group>
        )}
      />
      {step && <WizardSteps step={step} />}
      {query.error && !batch && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton height={320} radius="md" aria-label={t('common.loading')} />}
      {batch && step === 'mapping' && <MappingStep key={batch.id} batch={batch} onMapped={() => go('preview')} />}
      {batch && step === 'preview' && <PreviewStep batch={batch} onBack={() => go('mapping')} />}
      {batch && step === 'run' && <RunStep batch={batch} />}
      {batch && step === 'report' && <ReportStep batch={batch} />}
    </>
  );
}
