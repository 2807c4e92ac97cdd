import { Alert, Badge, Button, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import type { GraduationAssessment } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { assessGraduation, useRefreshPathway } from './api.ts';
import { ExplainList } from './ExplainList.tsx';

/** Applies the graduation criteria to the family and shows the result rule by rule. */
export function AssessModal({ familyId, opened, onClose }: { familyId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="lg" title={t('pathways.assessForm.title')}>
      {() => <AssessForm familyId={familyId} onClose={onClose} />}
    </FormModal>
  );
}

function AssessForm({ familyId, onClose }: { familyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPathway(familyId);
  const [referenceDate, setReferenceDate] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [result, setResult] = useState<GraduationAssessment | null>(null);
  const assess = useMutation({
    mutationFn: () => assessGraduation(familyId, { referenceDate, ...(note.trim() ? { note: note.trim() } : {}) }),
    meta: { inlineError: true },
    onSuccess: async (saved) => {
      setResult(saved);
      notifySuccess(t('pathways.assessForm.done', { result: saved.passed ? t('pathways.passed') : t('pathways.notPassed') }));
      await refresh();
    },
  });
  if (result) {
    return (
      <Stack gap="sm" data-testid="graduation-result">
        <Badge size="lg" color={result.passed ? 'teal' : 'red'}>{result.passed ? t('pathways.passed') : t('pathways.notPassed')}</Badge>
        <Paper withBorder p="sm" radius="md"><ExplainList node={result.tree} /></Paper>
        <Group justify="flex-end"><Button onClick={onClose}>{t('common.close')}</Button></Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={(event) => { event.preventDefault(); assess.mutate(); }} noValidate>
      <Stack gap="sm">
        <TextInput type="date" label={t('pathways.assessForm.referenceDate')} value={referenceDate} onChange={(event) => setReferenceDate(event.currentTarget.value)} />
        <Textarea label={t('pathways.assessForm.note')} autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {assess.error && <Alert color="red" role="alert">{assess.error.message}</Alert>}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={assess.isPending}>{t('pathways.assessForm.run')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
