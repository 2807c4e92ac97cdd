import { Anchor, Button, Group, Skeleton, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconChartBar, IconPencil, IconTruckDelivery } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useProgram } from './api.ts';
import { DecreePanel } from './decree/DecreePanel.tsx';
import { ExplanationModal } from './explain/ExplanationModal.tsx';
import { OverviewPanel } from './OverviewPanel.tsx';
import { ProgramFormModal } from './ProgramFormModal.tsx';
import { ProgramStatusActions } from './ProgramStatusActions.tsx';
import { PriorityEditor } from './rules/PriorityEditor.tsx';
import { RuleEditor } from './rules/RuleEditor.tsx';
import { TargetingPanel } from './targeting/TargetingPanel.tsx';
import { VerificationPanel } from './verification/VerificationPanel.tsx';

const TABS = ['ringkasan', 'aturan', 'prioritas', 'sasaran', 'verifikasi', 'sk'] as const;
type Tab = (typeof TABS)[number];

/** One program: its catalogue entry, rule, priority, targeting runs, field verification and decree, one tab each. */
export default function ProgramDetailPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const params = useListParams();
  const program = useProgram(programId);
  const [editing, { open, close }] = useDisclosure(false);
  const tab: Tab = TABS.find((item) => item === params.get('tab')) ?? 'ringkasan';
  const explained = params.get('keluarga') || null;
  const back = <Anchor component={Link} to="/program" fz="sm"><Group gap={4}><IconArrowLeft size={14} aria-hidden />{t('programs.back')}</Group></Anchor>;

  if (program.error) return <>{back}<QueryError error={program.error} onRetry={() => void program.refetch()} /></>;
  if (!program.data) return <Skeleton height={320} aria-label={t('common.loading')} />;
  const data = program.data;

  return (
    <>
      <PageHeader
        above={back}
        title={data.name}
        description={data.agency.name}
        actions={(
          <>
            <Button component={Link} to={`/program/${data.id}/penyaluran`} variant="default" leftSection={<IconTruckDelivery size={16} aria-hidden />}>
              {t('programs.distribution')}
            </Button>
            <Button component={Link} to={`/program/${data.id}/realisasi`} variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
              {t('programs.realisation')}
            </Button>
            {data.canManage && <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={open}>{t('programs.edit')}</Button>}
            <ProgramStatusActions program={data} />
          </>
        )}
      />
      <Tabs value={tab} onChange={(value) => params.set({ tab: value === 'ringkasan' ? null : value, keluarga: null })} keepMounted={false}>
        <Tabs.List mb="md" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {TABS.map((value) => <Tabs.Tab key={value} value={value}>{t(`programs.tabs.${value}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="ringkasan"><OverviewPanel program={data} /></Tabs.Panel>
        <Tabs.Panel value="aturan"><RuleEditor program={data} /></Tabs.Panel>
        <Tabs.Panel value="prioritas"><PriorityEditor program={data} /></Tabs.Panel>
        <Tabs.Panel value="sasaran"><TargetingPanel program={data} /></Tabs.Panel>
        <Tabs.Panel value="verifikasi"><VerificationPanel program={data} /></Tabs.Panel>
        <Tabs.Panel value="sk"><DecreePanel program={data} /></Tabs.Panel>
      </Tabs>
      <ExplanationModal programId={data.id} familyId={explained} runId={params.get('run') || undefined} onClose={() => params.set({ keluarga: null, run: null })} />
      {data.canManage && <ProgramFormModal program={data} opened={editing} onClose={close} />}
    </>
  );
}
