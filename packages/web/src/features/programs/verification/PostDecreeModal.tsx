import { Alert, Checkbox, Radio, Stack, Text, Textarea } from '@mantine/core';
import { ENROLMENT_REASON_LABELS, ENROLMENT_REASONS, type Enrolment, type EnrolmentReason } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../api/query-client.ts';
import { FormActions, FormModal } from '../../../components/FormModal.tsx';
import { changeAfterDecree, useRefreshProgram } from '../api.ts';
import { useLocalText } from '../local-text.ts';

interface PostDecreeModalProps {
  programId: string;
  enrolment: Enrolment | null;
  onClose: () => void;
}

/** A family fixed by the decree leaves only this way: cancelled before it is served, stopped after, always with reason and note. */
export function PostDecreeModal({ programId, enrolment, onClose }: PostDecreeModalProps) {
  const { t } = useTranslation();
  const action = enrolment?.status === 'served' ? 'stop' : 'cancel';
  return (
    <FormModal opened={enrolment !== null} onClose={onClose} size="md" title={t(`programs.postDecree.${action}Title`, { name: enrolment?.headName ?? '' })}>
      {() => enrolment && <PostDecreeForm programId={programId} enrolment={enrolment} action={action} onDone={onClose} />}
    </FormModal>
  );
}

function PostDecreeForm({ programId, enrolment, action, onDone }: { programId: string; enrolment: Enrolment; action: 'cancel' | 'stop'; onDone: () => void }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const refresh = useRefreshProgram(programId);
  const [reason, setReason] = useState<EnrolmentReason>('moved');
  const [note, setNote] = useState('');
  const [replace, setReplace] = useState(action === 'cancel');
  const save = useMutation({
    mutationFn: () => changeAfterDecree(programId, enrolment.id, { action, reason, note: note.trim(), replace: action === 'cancel' && replace, version: enrolment.version }),
    meta: { inlineError: true },
    onSuccess: async (result) => {
      notifySuccess(result.replacement
        ? t('programs.verification.replaced', { name: result.replacement.headName ?? result.replacement.noKk })
        : t(`programs.postDecree.${action}Done`));
      await refresh();
      onDone();
    },
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">{t('programs.postDecree.hint', { number: enrolment.decreeNumber ?? '–' })}</Text>
        <Radio.Group label={t('programs.postDecree.reason')} value={reason} onChange={(value) => setReason(value)}>
          <Stack gap={6} mt={4}>
            {ENROLMENT_REASONS.map((item) => <Radio key={item} value={item} label={local(ENROLMENT_REASON_LABELS[item])} />)}
          </Stack>
        </Radio.Group>
        <Textarea label={t('programs.verification.note')} description={t('programs.postDecree.noteHint')} withAsterisk autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {action === 'cancel' && <Checkbox label={t('programs.postDecree.replace')} checked={replace} onChange={(event) => setReplace(event.currentTarget.checked)} />}
        {save.error && <Alert color="red" role="alert">{save.error.message}</Alert>}
        <FormActions onCancel={onDone} saving={save.isPending} color="red" saveLabel={t(`programs.postDecree.${action}`)} />
      </Stack>
    </form>
  );
}
