import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Stepper, Text, Timeline, Title } from '@mantine/core';
import { PATHWAY_STAGE_LABELS, PATHWAY_STAGES, stageRank, type FamilyPathway, type PathwayStage, type PathwayTransition } from '@sinergi/domain';
import { IconFlag, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../auth/session.ts';
import { useLocalText } from '../programs/local-text.ts';
import { useFamilyPathway } from './api.ts';
import { AssessModal } from './AssessModal.tsx';
import { ExplainList } from './ExplainList.tsx';
import { STAGE_COLORS } from './stages.ts';
import { TransitionModal } from './TransitionModal.tsx';

/** The family's way out on its profile: where it stands, each step with its date, agency and the records behind it. */
export function FamilyPathwayPanel({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const pathway = useFamilyPathway(familyId);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pathway-heading" data-testid="family-pathway">
      <Title order={2} fz="h4" id="pathway-heading" mb="sm">{t('pathways.panelTitle')}</Title>
      {pathway.error && <QueryError error={pathway.error} onRetry={() => void pathway.refetch()} />}
      {pathway.isPending && <Skeleton height={120} aria-label={t('common.loading')} />}
      {pathway.data && <PathwayBody pathway={pathway.data} />}
    </Paper>
  );
}

function PathwayBody({ pathway }: { pathway: FamilyPathway }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const isMobile = useIsMobile();
  const canManage = useCan('pathways.manage');
  const [transition, setTransition] = useState<{ proposed: PathwayStage | null } | null>(null);
  const [assessing, setAssessing] = useState(false);
  const latest = pathway.assessments[0];
  return (
    <Stack gap="md">
      <Stepper active={pathway.stage === null ? -1 : stageRank(pathway.stage) + (pathway.stage === 'mandiri' ? 1 : 0)} size="sm"
        orientation={isMobile ? 'vertical' : 'horizontal'} allowNextStepsSelect={false}>
        {PATHWAY_STAGES.map((stage) => (
          <Stepper.Step key={stage} label={local(PATHWAY_STAGE_LABELS[stage])} color={STAGE_COLORS[stage]}
            description={pathway.stage === stage && pathway.stageSince ? t('pathways.since', { date: format.date(pathway.stageSince) }) : undefined} />
        ))}
      </Stepper>
      {pathway.stage === null
        ? <Text fz="sm" c="dimmed">{t('pathways.notStarted')}</Text>
        : (
          <Group gap="xs">
            <Badge color={STAGE_COLORS[pathway.stage]} size="lg" data-testid="pathway-stage">{local(PATHWAY_STAGE_LABELS[pathway.stage])}</Badge>
            {pathway.agency && <Text fz="sm">{t('pathways.by', { agency: pathway.agency.shortName })}</Text>}
            {pathway.baselineDesil !== null && <Text fz="sm" c="dimmed">· {t('pathways.baseline', { desil: pathway.baselineDesil })}</Text>}
            {pathway.businessStartedOn && <Text fz="sm" c="dimmed">· {t('pathways.businessSince', { date: format.date(pathway.businessStartedOn) })}</Text>}
          </Group>
        )}
      {pathway.suggestion && (
        <Alert color={STAGE_COLORS[pathway.suggestion.stage]} icon={<IconRoute aria-hidden />} data-testid="pathway-suggestion">
          <Text fz="sm">{t('pathways.suggestion', { stage: local(PATHWAY_STAGE_LABELS[pathway.suggestion.stage]) })} {pathway.suggestion.evidence.map((item) => item.label).join('; ')}</Text>
          {canManage && <Button mt="xs" size="xs" onClick={() => setTransition({ proposed: pathway.suggestion?.stage ?? null })}>{t('pathways.confirm')}</Button>}
        </Alert>
      )}
      {canManage && (
        <Group gap="xs">
          <Button variant="default" size="sm" leftSection={<IconRoute size={16} aria-hidden />} onClick={() => setTransition({ proposed: null })}>{t('pathways.record')}</Button>
          <Button variant="default" size="sm" leftSection={<IconFlag size={16} aria-hidden />} onClick={() => setAssessing(true)}>{t('pathways.assess')}</Button>
        </Group>
      )}
      <Title order={3} fz="h5">{t('pathways.steps')}</Title>
      {pathway.transitions.length === 0
        ? <Text fz="sm" c="dimmed">{t('pathways.noSteps')}</Text>
        : (
          <Timeline active={pathway.transitions.length - 1} bulletSize={18} lineWidth={2}>
            {pathway.transitions.map((step) => <StepItem key={step.id} step={step} />)}
          </Timeline>
        )}
      {latest && (
        <Stack gap="xs">
          <Group gap="xs">
            <Title order={3} fz="h5">{t('pathways.assessments')}</Title>
            <Badge color={latest.passed ? 'teal' : 'red'}>{latest.passed ? t('pathways.passed') : t('pathways.notPassed')}</Badge>
          </Group>
          <Text fz="xs" c="dimmed">{t('pathways.assessedOn', { date: format.date(latest.referenceDate), version: latest.criteriaVersion })}</Text>
          <ExplainList node={latest.tree} />
        </Stack>
      )}
      <TransitionModal pathway={pathway} proposed={transition?.proposed ?? null} opened={transition !== null} onClose={() => setTransition(null)} />
      <AssessModal familyId={pathway.familyId} opened={assessing} onClose={() => setAssessing(false)} />
    </Stack>
  );
}

function StepItem({ step }: { step: PathwayTransition }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  return (
    <Timeline.Item color={STAGE_COLORS[step.toStage]} title={`${local(PATHWAY_STAGE_LABELS[step.toStage])} · ${format.date(step.onDate)}`}>
      <Text fz="sm" c="dimmed">
        {[step.agency?.shortName, step.actor.username ? t('pathways.recordedBy', { user: step.actor.username }) : null].filter(Boolean).join(' · ')}
      </Text>
      {step.evidence.length > 0 && <Text fz="sm">{t('pathways.evidence')}: {step.evidence.map((item) => item.label).join('; ')}</Text>}
      {step.overrideReason && <Text fz="sm" c="orange">{t('pathways.override', { reason: step.overrideReason })}</Text>}
      {step.note && <Text fz="sm">{step.note}</Text>}
    </Timeline.Item>
  );
}
