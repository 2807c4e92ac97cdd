import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { isCrowded, isRtlh, RTLH_CRITERIA, RTLH_CRITERION_LABELS, RTLH_THRESHOLD, RTLH_WEIGHTS, rtlhScore, type Renovation, type RtlhCriteria } from '@sinergi/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { assessHouse } from './api.ts';
import { todayIso, useLocalText } from './labels.ts';
import { useHouseAction } from './useHouseAction.ts';

/** The field assessment: the RTLH criteria (starting from what the registry shows) and the score as it is ticked. */
export function AssessmentForm({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const action = useHouseAction(house.id);
  const [criteria, setCriteria] = useState<RtlhCriteria>(house.criteria ?? house.registryCriteria);
  const [area, setArea] = useState<number | string>(house.floorAreaM2 ?? '');
  const [occupants, setOccupants] = useState<number | string>(house.occupants ?? '');
  const [assessedOn, setAssessedOn] = useState(house.assessedOn ?? todayIso());
  const [note, setNote] = useState(house.assessmentNote ?? '');
  const measured = typeof area === 'number' && typeof occupants === 'number';
  const effective = measured ? { ...criteria, crowded: isCrowded(area, occupants) } : criteria;
  const score = rtlhScore(effective);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(() => assessHouse(house.id, {
      version: house.version, criteria: effective, assessedOn, note: note || null,
      floorAreaM2: typeof area === 'number' ? area : null, occupants: typeof occupants === 'number' ? occupants : null,
    }));
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-labelledby="assessment-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="assessment-title">{t('renovation.assessment.title')}</Title>
        <Badge size="lg" color={isRtlh(score) ? 'red' : 'gray'} data-testid="assessment-score">{t('renovation.assessment.score', { score })}</Badge>
      </Group>
      <Stack gap="xs">
        {RTLH_CRITERIA.map((criterion) => (
          <Checkbox
            key={criterion}
            label={`${local(RTLH_CRITERION_LABELS[criterion])} (+${RTLH_WEIGHTS[criterion]})`}
            checked={effective[criterion]}
            disabled={criterion === 'crowded' && measured}
            onChange={(event) => setCriteria({ ...criteria, [criterion]: event.currentTarget.checked })}
          />
        ))}
        <Text size="sm" c="dimmed">{t('renovation.assessment.threshold', { threshold: RTLH_THRESHOLD })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput label={t('renovation.assessment.area')} min={1} max={10_000} decimalScale={1} value={area} onChange={setArea} />
          <NumberInput label={t('renovation.assessment.occupants')} min={1} max={100} allowDecimal={false} value={occupants} onChange={setOccupants} />
          <TextInput type="date" label={t('renovation.assessment.date')} value={assessedOn} onChange={(e) => setAssessedOn(e.currentTarget.value)} required />
        </SimpleGrid>
        <Textarea label={t('renovation.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        {action.error && <Alert color="red">{action.error.message}</Alert>}
        <Group justify="flex-end"><Button type="submit" loading={action.isPending}>{t('renovation.assessment.save')}</Button></Group>
      </Stack>
    </Paper>
  );
}
