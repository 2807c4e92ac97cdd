import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { MAX_TEXT_LENGTH, type DuplicateCandidate } from '@sinergi/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { duplicatesQueryKey, markDistinct, mergePair } from './api.ts';
import type { PairDecision } from './PairCard.tsx';

interface DecideModalProps {
  pair: DuplicateCandidate | null;
  decision: PairDecision;
  onClose: () => void;
}

/** Confirms a merge (which record stays) or that the two are different people, with a note for the audit trail. */
export function DecideModal({ pair, decision, onClose }: DecideModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={pair !== null} onClose={onClose} centered size="lg" title={decision === 'merge' ? t('duplicates.mergeTitle') : t('duplicates.distinctTitle')}>
      {pair && <DecideForm key={`${pair.id}-${decision}`} pair={pair} decision={decision} onDone={onClose} />}
    </Modal>
  );
}

function DecideForm({ pair, decision, onDone }: { pair: DuplicateCandidate; decision: PairDecision; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [keep, setKeep] = useState<'a' | 'b' | null>(null);
  const [note, setNote] = useState('');
  const decide = useMutation({
    meta: { inlineError: true },
    mutationFn: () => {
      const body = note.trim() ? { note: note.trim() } : {};
      return decision === 'merge' && keep ? mergePair(pair.id, { keep, ...body }) : markDistinct(pair.id, body);
    },
    onSuccess: async () => {
      notifySuccess(decision === 'merge' ? t('duplicates.merged') : t('duplicates.markedDistinct'));
      await Promise.all([queryClient.invalidateQueries({ queryKey: duplicatesQueryKey }), queryClient.invalidateQueries({ queryKey: ['families'] })]);
      onDone();
    },
  });
  const side = (key: 'a' | 'b') => `${pair[key].name} · ${pair[key].nik}${pair[key].noKk ? ` · ${t('families.noKk')} ${pair[key].noKk ?? ''}` : ''}`;

  return (
    <Stack>
      {decision === 'merge' ? (
        <>
          <Radio.Group label={t('duplicates.keepLabel')} withAsterisk value={keep} onChange={(value) => setKeep(value === 'a' || value === 'b' ? value : null)}>
            <Stack gap="xs" mt="xs">
              <Radio value="a" label={side('a')} />
              <Radio value="b" label={side('b')} />
            </Stack>
          </Radio.Group>
          <Text fz="sm" c="dimmed">{t('duplicates.mergeExplanation')}</Text>
        </>
      ) : (
        <Text fz="sm">{t('duplicates.distinctExplanation', { a: pair.a.name, b: pair.b.name })}</Text>
      )}
      <Textarea label={t('duplicates.note')} description={t('duplicates.noteHint')} autosize minRows={2} maxRows={5} maxLength={MAX_TEXT_LENGTH} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
      {decide.error && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('duplicates.decideFailed')} role="alert">{decide.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button color={decision === 'merge' ? 'blue' : 'gray'} disabled={decision === 'merge' && !keep} loading={decide.isPending} onClick={() => decide.mutate()}>
          {decision === 'merge' ? t('duplicates.mergeConfirm') : t('duplicates.distinctConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
