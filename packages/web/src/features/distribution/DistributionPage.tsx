import { Anchor, Button, NativeSelect, Paper, SimpleGrid } from '@mantine/core';
import type { DistributionFamily } from '@sinergi/domain';
import { IconArrowLeft, IconChartBar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useCan, useSession } from '../auth/session.ts';
import { useProgram } from '../programs/api.ts';
import { useDistributionFamilies, useStages } from './api.ts';
import { FamiliesList } from './FamiliesList.tsx';
import { HandoverFormModal } from './HandoverFormModal.tsx';
import { HandoverHistoryDrawer } from './HandoverHistoryDrawer.tsx';
import { StagesPanel } from './StagesPanel.tsx';

/** /program/:programId/penyaluran — the decree's families, their stages, and recording hand-overs in the field. */
export default function DistributionPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const session = useSession();
  const params = useListParams();
  const program = useProgram(programId);
  const stages = useStages(programId);
  const owner = session.role === 'admin' || program.data?.agency.id === session.agency.id;
  const canRecord = useCan('programs.distribute') && owner && program.data?.status === 'active';
  const canManage = useCan('programs.manage') && owner && program.data?.status !== 'closed';
  const families = useDistributionFamilies(programId, {
    q: params.get('q') || undefined,
    pendingStageId: params.get('pending') || undefined,
    page: params.page,
    pageSize: params.getNumber('pageSize', 25),
  });
  const [recording, setRecording] = useState<DistributionFamily | null>(null);
  const [viewing, setViewing] = useState<DistributionFamily | null>(null);

  if (program.error) return <QueryError error={program.error} onRetry={() => void program.refetch()} />;
  const stageList = stages.data ?? [];
  return (
    <>
      <PageHeader
        title={t('distribution.title')}
        description={program.data ? t('distribution.description', { program: program.data.name, agency: program.data.agency.shortName }) : undefined}
        above={<Anchor component={Link} to={`/program/${programId}`} size="sm"><IconArrowLeft size={14} aria-hidden /> {t('distribution.backToProgram')}</Anchor>}
        actions={<Button component={Link} to={`/program/${programId}/realisasi`} variant="light" leftSection={<IconChartBar size={16} aria-hidden />}>{t('distribution.realisationLink')}</Button>}
      />
      {program.data && <StagesPanel program={program.data} stages={stageList} canPlan={canManage} />}
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SearchInput label={t('common.search')} placeholder={t('distribution.families.searchPlaceholder')} value={params.get('q')} onChange={(q) => params.set({ q })} />
          <NativeSelect
            label={t('distribution.families.pendingFilter')}
            value={params.get('pending')}
            onChange={(event) => params.set({ pending: event.currentTarget.value })}
            data={[{ value: '', label: t('distribution.families.allFamilies') }, ...stageList.map((s) => ({ value: s.id, label: t('distribution.families.notYet', { stage: `${s.number}. ${s.name}` }) }))]}
          />
        </SimpleGrid>
      </Paper>
      <PagedResult query={families} emptyTitle={t('distribution.families.empty')} emptyMessage={t('distribution.families.emptyHint')} bare>
        {(items) => <FamiliesList items={items} stages={stageList} canRecord={canRecord} onRecord={setRecording} onHistory={setViewing} />}
      </PagedResult>
      <HandoverFormModal programId={programId} family={recording} stages={stageList} onClose={() => setRecording(null)} />
      <HandoverHistoryDrawer programId={programId} family={viewing} canCorrect={canManage} onClose={() => setViewing(null)} />
    </>
  );
}
