import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { MAX_TEXT_LENGTH, type CorrectionRequest } from '@sinergi/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { validationMessage } from '../../i18n/validation.tsx';
import { correctionsQueryKey, decideCorrection } from './api.ts';

/** Accept (the requested changes are applied through the registry's edit path) or reject, with the reason given to the person. */
export function DecideCorrectionModal({ request, onClose }: { request: CorrectionRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={request !== null} onClose={onClose} title={t('privacy.corrections.decideTitle')} centered>
      {request && <DecideForm key={request.id} request={request} onDone={onClose} />}
    </Modal>
  );
}

function DecideForm({ request, onDone }: { request: CorrectionRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<'accepted' | 'rejected' | null>(null);
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const decide = useMutation({
    meta: { inlineError: true },
    mutationFn: (chosen: 'accepted' | 'rejected') => decideCorrection(request.id, { outcome: chosen, note: note.trim() }),
    onSuccess: async (decided) => {
      notifySuccess(t(decided.status === 'accepted' ? 'privacy.corrections.acceptedDone' : 'privacy.corrections.rejectedDone'));
      await Promise.all([queryClient.invalidateQueries({ queryKey: correctionsQueryKey }), queryClient.invalidateQueries({ queryKey: ['families'] })]);
      onDone();
    },
  });
  const hasChanges = Object.keys(request.requestedChanges).length > 0;

  return (
    <Stack>
      <Radio.Group label={t('privacy.corrections.outcome')} withAsterisk value={outcome} onChange={(value) => setOutcome(value === 'accepted' || value === 'rejected' ? value : null)}>
        <Stack gap="xs" mt="xs">
          <Radio value="accepted" label={t('privacy.corrections.accept')} description={hasChanges ? t('privacy.corrections.acceptApplies') : t('privacy.corrections.acceptNothing')} />
          <Radio value="rejected" label={t('privacy.corrections.reject')} />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('privacy.corrections.outcomeNote')}
        description={t('privacy.corrections.outcomeNoteHint')}
        withAsterisk
        autosize
        minRows={2}
        maxLength={MAX_TEXT_LENGTH}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={attempted && !note.trim() ? validationMessage('required') : undefined}
      />
      {decide.error && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('privacy.corrections.saveFailed')} role="alert">{decide.error.message}</Alert>}
      <Text fz="xs" c="dimmed">{t('privacy.corrections.final')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button
          disabled={!outcome}
          color={outcome === 'rejected' ? 'red' : 'blue'}
          loading={decide.isPending}
          onClick={() => {
            setAttempted(true);
            if (outcome && note.trim()) decide.mutate(outcome);
          }}
        >
          {t('privacy.corrections.decideConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
