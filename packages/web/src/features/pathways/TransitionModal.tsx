import { Alert, Checkbox, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { PATHWAY_STAGE_LABELS, PATHWAY_STAGES, stageRank, type FamilyPathway, type PathwayStage } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useLocalText } from '../programs/local-text.ts';
import { recordTransition, useRefreshPathway } from './api.ts';

interface TransitionModalProps {
  pathway: FamilyPathway;
  /** The stage to propose (a confirmed suggestion), else the next one. */
  proposed: PathwayStage | null;
  opened: boolean;
  onClose: () => void;
}

/** An operator confirms a step: stage, day, the records behind it; mandiri with a passed assessment or a reason. */
export function TransitionModal({ pathway, proposed, opened, onClose }: TransitionModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="lg" title={t('pathways.form.title')}>
      {() => <TransitionForm pathway={pathway} proposed={proposed} onDone={onClose} />}
    </FormModal>
  );
}

function nextStage(current: PathwayStage | null): PathwayStage {
  return PATHWAY_STAGES[Math.min(current === null ? 0 : stageRank(current) + 1, PATHWAY_STAGES.length - 1)]!;
}

function TransitionForm({ pathway, proposed, onDone }: { pathway: FamilyPathway; proposed: PathwayStage | null; onDone: () => void }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const refresh = useRefreshPathway(pathway.familyId);
  const [stage, setStage] = useState<PathwayStage>(proposed ?? nextStage(pathway.stage));
  const [onDate, setOnDate] = useState(new Date().toISOString().slice(0, 10));
  const [chosen, setChosen] = useState<string[]>(() => pathway.evidence.filter((item) => item.stage === stage).map((item) => item.id));
  const [note, setNote] = useState('');
  const [businessStartedOn, setBusinessStartedOn] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const passedAssessment = pathway.assessments.find((assessment) => assessment.passed) ?? null;
  const backward = pathway.stage !== null && stageRank(stage) < stageRank(pathway.stage);
  const save = useMutation({
    mutationFn: () => recordTransition(pathway.familyId, {
      toStage: stage,
      onDate,
      evidence: pathway.evidence.filter((item) => chosen.includes(item.id)).map(({ kind, id, label }) => ({ kind, id, label })),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(businessStartedOn ? { businessStartedOn } : {}),
      ...(stage === 'mandiri' && passedAssessment ? { assessmentId: passedAssessment.id } : {}),
      ...(stage === 'mandiri' && !passedAssessment && overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
      ...(pathway.version === null ? {} : { version: pathway.version }),
    }),
    meta: { inlineError: true },
    onSuccess: async (saved) => {
      notifySuccess(t('pathways.form.saved', { stage: local(PATHWAY_STAGE_LABELS[saved.toStage]) }));
      await refresh();
      onDone();
    },
  });
  const stages = PATHWAY_STAGES.filter((candidate) => candidate !== pathway.stage).map((value) => ({ value, label: local(PATHWAY_STAGE_LABELS[value]) }));
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
      <Stack gap="sm">
        <Select label={t('pathways.form.stage')} data={stages} value={stage} allowDeselect={false} onChange={(value) => value && setStage(value)} />
        <TextInput type="date" label={t('pathways.form.date')} value={onDate} onChange={(event) => setOnDate(event.currentTarget.value)} />
        <Checkbox.Group label={t('pathways.form.evidence')} value={chosen} onChange={setChosen}>
          <Stack gap={6} mt={4}>
            {pathway.evidence.length === 0 && <Text fz="sm" c="dimmed">{t('pathways.form.noEvidence')}</Text>}
            {pathway.evidence.map((item) => (
              <Checkbox
                key={`${item.kind}:${item.id}`}
                value={item.id}
                label={`${item.label}${item.agency ? ` (${item.agency.shortName})` : ''}${item.date ? ` · ${format.date(item.date)}` : ''} → ${local(PATHWAY_STAGE_LABELS[item.stage])}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {(stage === 'pemberdayaan' || stage === 'pengembangan') && pathway.businessStartedOn === null && (
          <TextInput type="date" label={t('pathways.form.businessStartedOn')} value={businessStartedOn} onChange={(event) => setBusinessStartedOn(event.currentTarget.value)} />
        )}
        {stage === 'mandiri' && (passedAssessment
          ? <Alert color="teal">{t('pathways.form.assessment')}: {format.date(passedAssessment.referenceDate)}</Alert>
          : (
            <>
              <Alert color="yellow">{t('pathways.form.noPassedAssessment')}</Alert>
              <Textarea label={t('pathways.form.overrideReason')} withAsterisk autosize minRows={2} value={overrideReason} onChange={(event) => setOverrideReason(event.currentTarget.value)} />
            </>
          ))}
        <Textarea label={backward ? t('pathways.form.noteBack') : t('pathways.form.note')} withAsterisk={backward} autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {save.error && <Alert color="red" role="alert">{save.error.message}</Alert>}
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
