import { Alert, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ENROLMENT_REASON_LABELS, ENROLMENT_REASONS, type Enrolment, type EnrolmentReason } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../api/query-client.ts';
import { FormActions, FormModal } from '../../../components/FormModal.tsx';
import { useRefreshProgram, verifyEnrolment } from '../api.ts';
import { useLocalText } from '../local-text.ts';

type Finding = 'verified' | EnrolmentReason;

interface VerifyModalProps {
  programId: string;
  enrolment: Enrolment | null;
  onClose: () => void;
}

/** The field finding for one candidate: confirmed, or moved / died / not poor / refused / other with a note. */
export function VerifyModal({ programId, enrolment, onClose }: VerifyModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={enrolment !== null} onClose={onClose} size="md" title={t('programs.verification.title', { name: enrolment?.headName ?? '' })}>
      {() => enrolment && <VerifyForm programId={programId} enrolment={enrolment} onDone={onClose} />}
    </FormModal>
  );
}

function VerifyForm({ programId, enrolment, onDone }: { programId: string; enrolment: Enrolment; onDone: () => void }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const refresh = useRefreshProgram(programId);
  const [finding, setFinding] = useState<Finding>(enrolment.reason ?? 'verified');
  const [note, setNote] = useState(enrolment.note ?? '');
  const [fieldDate, setFieldDate] = useState(new Date().toISOString().slice(0, 10));
  const save = useMutation({
    mutationFn: () => verifyEnrolment(programId, enrolment.id, {
      result: finding === 'verified' ? 'verified' : 'rejected',
      ...(finding === 'verified' ? {} : { reason: finding }),
      ...(note.trim() ? { note: note.trim() } : {}),
      fieldDate,
      version: enrolment.version,
    }),
    meta: { inlineError: true },
    onSuccess: async (saved) => {
      notifySuccess(t('programs.verification.saved', { name: saved.headName ?? saved.noKk }));
      await refresh();
      onDone();
    },
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">{enrolment.noKk} · {enrolment.villageName}, {enrolment.kecamatanName}</Text>
        <Radio.Group label={t('programs.verification.finding')} value={finding} onChange={(value) => setFinding(value)}>
          <Stack gap={6} mt={4}>
            <Radio value="verified" label={t('programs.verification.confirmed')} />
            {ENROLMENT_REASONS.map((reason) => <Radio key={reason} value={reason} label={local(ENROLMENT_REASON_LABELS[reason])} />)}
          </Stack>
        </Radio.Group>
        <TextInput type="date" label={t('programs.verification.fieldDate')} value={fieldDate} onChange={(event) => setFieldDate(event.currentTarget.value)} />
        <Textarea
          label={t('programs.verification.note')}
          withAsterisk={finding === 'other'}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        {save.error && <Alert color="red" role="alert">{save.error.message}</Alert>}
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
