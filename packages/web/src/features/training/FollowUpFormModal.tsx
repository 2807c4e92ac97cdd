import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  TRAINING_FOLLOW_UP_STATUS_LABELS, TRAINING_FOLLOW_UP_STATUSES, TrainingFollowUpInput, type TrainingFollowUp, type TrainingFollowUpStatus,
} from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { zodValidator } from '../../i18n/validation.tsx';
import { usePartners } from '../partners/api.ts';
import { useLocalText } from '../programs/local-text.ts';
import { recordFollowUp, trainingQueryKey } from './api.ts';

interface Values {
  contactedOn: string;
  status: TrainingFollowUpStatus;
  employerPartnerId: string | null;
  employerName: string;
  monthlyTurnover: number | string;
  note: string;
}

function toInput(values: Values): TrainingFollowUpInput {
  return {
    contactedOn: values.contactedOn, status: values.status, employerPartnerId: values.employerPartnerId || null, employerName: values.employerName,
    monthlyTurnover: values.monthlyTurnover === '' ? null : Number(values.monthlyTurnover), note: values.note,
  };
}

export function FollowUpFormModal({ followUp, opened, onClose }: { followUp: TrainingFollowUp | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened && followUp !== null} onClose={onClose} title={followUp ? t('training.followUp.recordTitle', { months: followUp.milestone, name: followUp.name }) : ''}>
      {() => followUp && <FollowUpForm key={followUp.id} followUp={followUp} onDone={onClose} />}
    </FormModal>
  );
}

function FollowUpForm({ followUp, onDone }: { followUp: TrainingFollowUp; onDone: () => void }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const queryClient = useQueryClient();
  const employers = usePartners({ pageSize: 200 });
  const schemaErrors = zodValidator<TrainingFollowUpInput>(TrainingFollowUpInput);
  const form = useForm<Values>({
    initialValues: {
      contactedOn: followUp.contactedOn ?? new Date().toISOString().slice(0, 10), status: followUp.status ?? 'working',
      employerPartnerId: followUp.employerPartnerId, employerName: followUp.employerPartnerId ? '' : (followUp.employerName ?? ''),
      monthlyTurnover: followUp.monthlyTurnover ?? '', note: followUp.note ?? '',
    },
    validate: (values) => schemaErrors(toInput(values)),
  });
  const save = useMutation({
    mutationFn: (input: TrainingFollowUpInput) => recordFollowUp(followUp.id, input),
    onSuccess: async () => {
      notifySuccess(t('training.followUp.recorded', { name: followUp.name }));
      await queryClient.invalidateQueries({ queryKey: trainingQueryKey });
      onDone();
    },
  });
  const { status } = form.values;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toInput(values)))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('training.followUp.contactedOn')} withAsterisk {...form.getInputProps('contactedOn')} />
          <Select
            label={t('training.followUp.status')}
            withAsterisk
            allowDeselect={false}
            data={TRAINING_FOLLOW_UP_STATUSES.map((value) => ({ value, label: text(TRAINING_FOLLOW_UP_STATUS_LABELS[value]) }))}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        {status === 'working' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('training.followUp.employer')} clearable searchable data={(employers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} {...form.getInputProps('employerPartnerId')} />
            <TextInput label={t('training.followUp.employerName')} disabled={Boolean(form.values.employerPartnerId)} {...form.getInputProps('employerName')} />
          </SimpleGrid>
        )}
        {status === 'own_business' && <NumberInput label={t('training.followUp.turnover')} withAsterisk min={0} thousandSeparator="." decimalSeparator="," {...form.getInputProps('monthlyTurnover')} />}
        <Textarea label={t('training.followUp.note')} autosize minRows={2} maxRows={5} {...form.getInputProps('note')} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
