import { Alert, Anchor, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Stepper, Text, Timeline, Title } from '@mantine/core';
import { RENOVATION_STAGE_LABELS, RENOVATION_STAGES, type Renovation, type RenovationStage } from '@sinergi/domain';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useFormat } from '../../i18n/format.ts';
import { InfoList } from '../families/InfoList.tsx';
import { useRenovation } from './api.ts';
import { AssessmentForm } from './AssessmentForm.tsx';
import { FundingSection } from './FundingSection.tsx';
import { useLocalText } from './labels.ts';
import { PhotoGallery } from './PhotoGallery.tsx';
import { ProgressForm } from './ProgressForm.tsx';
import { StageBadge } from './StageBadge.tsx';
import { CompleteForm, RejectButton, ScheduleForm, VerifyForm } from './StepForms.tsx';

const PIPELINE: readonly RenovationStage[] = RENOVATION_STAGES.filter((stage) => stage !== 'rejected');

/** /rumah/:id — one house: where it stands, what to do next, its funding, photos and history. */
export default function RenovationDetailPage() {
  const { t } = useTranslation();
  const { houseId = '' } = useParams();
  const query = useRenovation(houseId);
  const house = query.data;
  const back = (
    <Anchor component={Link} to="/rumah" fz="sm">
      <Group gap={4} component="span"><IconArrowLeft size={14} aria-hidden />{t('renovation.backToList')}</Group>
    </Anchor>
  );
  return (
    <>
      <PageHeader
        above={back}
        title={house ? (house.headName ?? t('renovation.noHead')) : t('renovation.house')}
        description={house ? `${house.address ?? ''} · ${house.villageName ?? ''}, ${house.kecamatanName ?? ''}` : undefined}
        actions={house && (<><StageBadge stage={house.stage} />{house.actions.includes('reject') && <RejectButton house={house} />}</>)}
      />
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {!house && query.isPending && <Skeleton height={320} radius="md" aria-label={t('common.loading')} />}
      {house && <HouseView house={house} />}
    </>
  );
}

function HouseView({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const local = useLocalText();
  const isMobile = useIsMobile();
  const active = house.stage === 'completed' ? PIPELINE.length : Math.max(0, PIPELINE.indexOf(house.stage));
  const dash = (value: string | number | null) => (value === null || value === '' ? '–' : String(value));
  return (
    <Stack gap="md">
      {house.stage === 'rejected' ? (
        <Alert color="red" title={t('renovation.rejectedTitle')}>{house.rejectedReason}</Alert>
      ) : (
        <Paper withBorder p="md" radius="md">
          {isMobile ? (
            <Text size="sm" data-testid="stage-step">
              {t('renovation.stepOf', { step: Math.min(active + 1, PIPELINE.length), total: PIPELINE.length, stage: local(RENOVATION_STAGE_LABELS[house.stage]) })}
            </Text>
          ) : (
            <Stepper active={active} size="sm" allowNextStepsSelect={false}>
              {PIPELINE.map((stage) => <Stepper.Step key={stage} label={local(RENOVATION_STAGE_LABELS[stage])} />)}
            </Stepper>
          )}
        </Paper>
      )}
      {house.actions.includes('assess') && <AssessmentForm house={house} />}
      {house.actions.includes('verify') && <VerifyForm house={house} />}
      {house.actions.includes('schedule') && <ScheduleForm house={house} />}
      {house.actions.includes('start') && <ProgressForm house={house} />}
      {house.actions.includes('complete') && house.progress === 100 && <CompleteForm house={house} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">{t('renovation.details')}</Title>
          <InfoList rows={[
            [t('renovation.family'), <Anchor component={Link} to={`/keluarga/${house.familyId}`}>{house.headName ?? t('renovation.noHead')}</Anchor>],
            [t('renovation.agency'), house.agencyShortName],
            [t('renovation.year'), String(house.year)],
            [t('renovation.source'), `${t(`renovation.sources.${house.source}`)}${house.proposer ? ` — ${house.proposer}` : ''}`],
            [t('renovation.score'), dash(house.score)],
            [t('renovation.schedule.title'), house.plannedStart ? `${format.date(house.plannedStart)} – ${house.plannedEnd ? format.date(house.plannedEnd) : '?'}` : '–'],
            [t('renovation.schedule.budget'), house.budget === null ? '–' : format.rupiah(house.budget)],
            [t('renovation.complete.date'), house.completedOn ? format.date(house.completedOn) : '–'],
            [t('renovation.complete.handover'), house.handoverOn ? format.date(house.handoverOn) : '–'],
          ]} />
          <Text size="sm" mt="sm">{t('renovation.progress')}: <b data-testid="house-progress">{house.progress}%</b></Text>
          <Progress value={house.progress} mt={4} aria-label={t('renovation.progress')} />
        </Paper>
        <FundingSection house={house} />
      </SimpleGrid>
      <PhotoGallery house={house} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">{t('renovation.history')}</Title>
        <Timeline bulletSize={14} lineWidth={2}>
          {[...house.progressEntries.map((entry) => ({ key: entry.id, at: entry.createdAt, title: t('renovation.progressEntry', { percent: entry.percent, date: format.date(entry.recordedOn) }), note: entry.note })),
            ...house.history.map((change, index) => ({ key: `h${index}`, at: change.at, title: local(RENOVATION_STAGE_LABELS[change.toStage]), note: change.note }))]
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((item) => (
              <Timeline.Item key={item.key} title={item.title}>
                {item.note && <Text size="sm">{item.note}</Text>}
                <Text size="xs" c="dimmed">{format.dateTime(item.at)}</Text>
              </Timeline.Item>
            ))}
        </Timeline>
      </Paper>
    </Stack>
  );
}
