import { Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AGENCY_KIND_NAMES, AGENCY_KINDS, AgencyInput, type Agency } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { useCodeLabel } from '../../i18n/labels.ts';
import { zodValidator } from '../../i18n/validation.tsx';
import { agenciesQueryKey, createAgency, updateAgency } from './api.ts';

interface AgencyFormModalProps {
  /** The agency to edit, or null to create one. */
  agency: Agency | null;
  opened: boolean;
  onClose: () => void;
}

export function AgencyFormModal({ agency, opened, onClose }: AgencyFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={agency ? t('agencies.editTitle') : t('agencies.createTitle')}>
      {() => <AgencyForm key={agency?.id ?? 'new'} agency={agency} onDone={onClose} />}
    </FormModal>
  );
}

function AgencyForm({ agency, onDone }: { agency: Agency | null; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const queryClient = useQueryClient();
  const form = useForm<AgencyInput>({
    initialValues: { name: agency?.name ?? '', shortName: agency?.shortName ?? '', kind: agency?.kind ?? 'other' },
    validate: zodValidator<AgencyInput>(AgencyInput),
  });
  const save = useMutation({
    mutationFn: (input: AgencyInput) => (agency ? updateAgency(agency.id, input) : createAgency(input)),
    onSuccess: async (saved) => {
      notifySuccess(agency ? t('agencies.updated', { name: saved.shortName }) : t('agencies.created', { name: saved.shortName }));
      await queryClient.invalidateQueries({ queryKey: agenciesQueryKey });
      onDone();
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(AgencyInput.parse(values)))} noValidate>
      <Stack>
        <TextInput label={t('agencies.name')} placeholder={t('agencies.namePlaceholder')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('agencies.shortName')} placeholder={t('agencies.shortNamePlaceholder')} withAsterisk {...form.getInputProps('shortName')} />
        <Select
          label={t('agencies.kind')}
          withAsterisk
          allowDeselect={false}
          data={AGENCY_KINDS.map((kind) => ({ value: kind, label: label(AGENCY_KIND_NAMES, kind) ?? kind }))}
          {...form.getInputProps('kind')}
        />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
