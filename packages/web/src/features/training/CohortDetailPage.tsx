import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { TRAINING_PLACE_LABELS, type TrainingCohort } from '@sinergi/domain';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useFormat } from '../../i18n/format.ts';
import { useLocalText } from '../programs/local-text.ts';
import { useCohort, useParticipants } from './api.ts';
import { AttendancePanel } from './AttendancePanel.tsx';
import { CohortFormModal } from './CohortFormModal.tsx';
import { CohortStatusBadge } from './CohortsTable.tsx';
import { CompletionPanel } from './CompletionPanel.tsx';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';

const TABS = ['participants', 'attendance', 'completion', 'followUps'] as const;
type Tab = (typeof TABS)[number];

/** One cohort: participants, the attendance grid, completion with certificates, and follow-ups, one tab each. */
export default function CohortDetailPage() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const params = useListParams();
  const cohort = useCohort(cohortId);
  const participants = useParticipants(cohortId);
  const [editing, { open, close }] = useDisclosure(false);
  const tab: Tab = TABS.find((value) => value === params.get('tab')) ?? 'participants';
  const back = <Anchor component={Link} to="/pelatihan" fz="sm"><Group gap={4}><IconArrowLeft size={14} aria-hidden />{t('training.back')}</Group></Anchor>;

  if (cohort.error) return <>{back}<QueryError error={cohort.error} onRetry={() => void cohort.refetch()} /></>;
  if (!cohort.data) return <Skeleton height={320} aria-label={t('common.loading')} />;
  const data = cohort.data;
  return (
    <>
      <PageHeader
        above={back}
        title={data.name}
        description={`${data.courseName} · ${data.agencyShortName}${data.lpkName ? ` · ${data.lpkName}` : ''}`}
        actions={data.canManage && <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={open}>{t('training.editCohort')}</Button>}
      />
      <CohortFacts cohort={data} />
      <Tabs value={tab} onChange={(value) => params.set({ tab: value === 'participants' ? null : value })} keepMounted={false}>
        <Tabs.List mb="md" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {TABS.map((value) => <Tabs.Tab key={value} value={value}>{t(`training.detail.${value}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="participants"><ParticipantsPanel cohort={data} participants={participants} /></Tabs.Panel>
        <Tabs.Panel value="attendance"><AttendancePanel cohort={data} participants={participants} /></Tabs.Panel>
        <Tabs.Panel value="completion"><CompletionPanel cohort={data} participants={participants} /></Tabs.Panel>
        <Tabs.Panel value="followUps"><FollowUpsPanel cohortId={data.id} /></Tabs.Panel>
      </Tabs>
      {data.canManage && <CohortFormModal cohort={data} opened={editing} onClose={close} />}
    </>
  );
}

function CohortFacts({ cohort }: { cohort: TrainingCohort }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useLocalText();
  const facts: [string, React.ReactNode][] = [
    [t('training.cohort.placeName'), `${cohort.placeName} (${text(TRAINING_PLACE_LABELS[cohort.placeKind])})`],
    [t('training.cohort.period'), `${format.date(cohort.startDate)} – ${format.date(cohort.endDate)} · ${cohort.sessions.length} ${t('training.cohort.sessions').toLowerCase()}`],
    [t('training.cohort.trainers'), cohort.trainers.join(', ') || '–'],
    [t('training.cohort.seats'), t('training.cohort.seatsTaken', { taken: cohort.participants, seats: cohort.seats })],
    [t('training.cohort.status'), <CohortStatusBadge key="status" status={cohort.status} />],
  ];
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">{label}</Text>
            <Text component="div">{value}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="sm">{t('training.cohort.rule', { percent: cohort.minAttendancePercent })}</Text>
    </Paper>
  );
}
