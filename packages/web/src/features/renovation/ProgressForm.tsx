import { Alert, Button, Group, NumberInput, Paper, Slider, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { Renovation } from '@sinergi/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordProgress } from './api.ts';
import { todayIso } from './labels.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { useHouseAction } from './useHouseAction.ts';

/** A progress report from the site: percentage, day, note and photos straight from the phone's camera. */
export function ProgressForm({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState<number>(Math.min(100, house.progress + 10));
  const [recordedOn, setRecordedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const action = useHouseAction(house.id, () => {
    setPhotos([]);
    setNote('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(() => recordProgress(house.id, { percent, recordedOn, note }, photos));
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-labelledby="progress-title">
      <Title order={2} size="h4" id="progress-title" mb="sm">{t('renovation.progressForm.title')}</Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('renovation.progressForm.last', { percent: house.progress })}</Text>
        <NumberInput label={t('renovation.progressForm.percent')} min={house.progress} max={100} allowDecimal={false} suffix="%" value={percent} onChange={(value) => setPercent(Number(value) || 0)} />
        <Slider min={0} max={100} step={5} value={percent} onChange={(value) => setPercent(Math.max(house.progress, value))} thumbLabel={t('renovation.progressForm.percent')} />
        <TextInput type="date" label={t('renovation.progressForm.date')} value={recordedOn} onChange={(e) => setRecordedOn(e.currentTarget.value)} required />
        <PhotoInput label={t('renovation.progressForm.photos')} value={photos} onChange={setPhotos} />
        <Textarea label={t('renovation.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        {action.error && <Alert color="red">{action.error.message}</Alert>}
        <Group justify="flex-end"><Button type="submit" loading={action.isPending}>{t('renovation.progressForm.save')}</Button></Group>
      </Stack>
    </Paper>
  );
}
