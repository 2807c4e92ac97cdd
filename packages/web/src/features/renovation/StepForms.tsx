import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { BSPS_UNIT_VALUE, type Renovation } from '@sinergi/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { addPhotos, completeHouse, rejectHouse, scheduleHouse, verifyHouse } from './api.ts';
import { todayIso } from './labels.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { useHouseAction } from './useHouseAction.ts';

function StepPaper({ title, onSubmit, error, saving, saveLabel, children }: {
  title: string; onSubmit: (event: FormEvent) => void; error: Error | null; saving: boolean; saveLabel: string; children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={onSubmit}>
      <Title order={2} size="h4" mb="sm">{title}</Title>
      <Stack gap="sm">
        {children}
        {error && <Alert color="red">{error.message}</Alert>}
        <Group justify="flex-end"><Button type="submit" loading={saving}>{saveLabel}</Button></Group>
      </Stack>
    </Paper>
  );
}

export function VerifyForm({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const action = useHouseAction(house.id);
  const [verifiedOn, setVerifiedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  return (
    <StepPaper
      title={t('renovation.verify.title')} saveLabel={t('renovation.verify.save')} error={action.error} saving={action.isPending}
      onSubmit={(event) => { event.preventDefault(); action.mutate(() => verifyHouse(house.id, { version: house.version, verifiedOn, note: note || null })); }}
    >
      <Text size="sm">{t('renovation.verify.hint', { score: house.score ?? 0 })}</Text>
      <TextInput type="date" label={t('renovation.verify.date')} value={verifiedOn} onChange={(e) => setVerifiedOn(e.currentTarget.value)} required />
      <Textarea label={t('renovation.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
    </StepPaper>
  );
}

export function ScheduleForm({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const action = useHouseAction(house.id);
  const [start, setStart] = useState(house.plannedStart ?? todayIso());
  const [end, setEnd] = useState(house.plannedEnd ?? '');
  const [budget, setBudget] = useState<number | string>(house.budget ?? BSPS_UNIT_VALUE);
  return (
    <StepPaper
      title={t('renovation.schedule.title')} saveLabel={t('renovation.schedule.save')} error={action.error} saving={action.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        action.mutate(() => scheduleHouse(house.id, { version: house.version, plannedStart: start, plannedEnd: end, budget: typeof budget === 'number' ? budget : null }));
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput type="date" label={t('renovation.schedule.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} required />
        <TextInput type="date" label={t('renovation.schedule.end')} value={end} min={start} onChange={(e) => setEnd(e.currentTarget.value)} required />
        <NumberInput label={t('renovation.schedule.budget')} min={0} value={budget} onChange={setBudget} thousandSeparator="." decimalSeparator="," prefix="Rp " />
      </SimpleGrid>
    </StepPaper>
  );
}

export function CompleteForm({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const action = useHouseAction(house.id);
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [handoverOn, setHandoverOn] = useState('');
  const [note, setNote] = useState('');
  const [before, setBefore] = useState<File[]>([]);
  const [after, setAfter] = useState<File[]>([]);
  const hasBefore = house.photos.some((photo) => photo.kind === 'before' || photo.kind === 'assessment');
  const hasAfter = house.photos.some((photo) => photo.kind === 'after');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(async () => {
      let current = house;
      if (before.length > 0) current = await addPhotos(house.id, 'before', '', before);
      if (after.length > 0) current = await addPhotos(house.id, 'after', '', after);
      return completeHouse(house.id, { version: current.version, completedOn, handoverOn: handoverOn || null, note: note || null });
    });
  };
  return (
    <StepPaper title={t('renovation.complete.title')} saveLabel={t('renovation.complete.save')} error={action.error} saving={action.isPending} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput type="date" label={t('renovation.complete.date')} value={completedOn} onChange={(e) => setCompletedOn(e.currentTarget.value)} required />
        <TextInput type="date" label={t('renovation.complete.handover')} value={handoverOn} onChange={(e) => setHandoverOn(e.currentTarget.value)} />
      </SimpleGrid>
      {!hasBefore && <PhotoInput label={t('renovation.complete.before')} value={before} onChange={setBefore} />}
      <PhotoInput label={hasAfter ? t('renovation.complete.moreAfter') : t('renovation.complete.after')} value={after} onChange={setAfter} />
      <Textarea label={t('renovation.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
    </StepPaper>
  );
}

export function RejectButton({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const action = useHouseAction(house.id, () => setOpened(false));
  const [reason, setReason] = useState('');
  const [rejectedOn, setRejectedOn] = useState(todayIso());
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpened(true)}>{t('renovation.reject.button')}</Button>
      <FormModal opened={opened} onClose={() => setOpened(false)} title={t('renovation.reject.title')} size="md">
        {() => (
          <form onSubmit={(event) => { event.preventDefault(); action.mutate(() => rejectHouse(house.id, { version: house.version, reason, rejectedOn })); }}>
            <Stack gap="sm">
              <Textarea label={t('renovation.reject.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required minLength={3} autosize minRows={3} />
              <TextInput type="date" label={t('renovation.reject.date')} value={rejectedOn} onChange={(e) => setRejectedOn(e.currentTarget.value)} required />
              {action.error && <Alert color="red">{action.error.message}</Alert>}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpened(false)}>{t('common.cancel')}</Button>
                <Button type="submit" color="red" loading={action.isPending}>{t('renovation.reject.save')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </FormModal>
    </>
  );
}
