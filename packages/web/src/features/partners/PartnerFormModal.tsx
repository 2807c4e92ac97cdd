import { Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PARTNER_TYPE_NAMES, PARTNER_TYPES, PartnerInput, type Partner, type PartnerType } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useCodeLabel } from '../../i18n/labels.ts';
import { zodValidator } from '../../i18n/validation.tsx';
import { useAgencies } from '../agencies/api.ts';
import { createPartner, partnersQueryKey, updatePartner } from './api.ts';

interface Values {
  name: string;
  type: PartnerType;
  agencyId: string | null;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  regionCode: string | null;
  notes: string;
  active: boolean;
}

function toInput(values: Values): PartnerInput {
  return { ...values, agencyId: values.agencyId || null, regionCode: values.regionCode || null };
}

function initialValues(partner: Partner | null): Values {
  return {
    name: partner?.name ?? '',
    type: partner?.type ?? 'lpk',
    agencyId: partner?.agencyId ?? null,
    contactPerson: partner?.contactPerson ?? '',
    phone: partner?.phone ?? '',
    email: partner?.email ?? '',
    address: partner?.address ?? '',
    regionCode: partner?.regionCode ?? null,
    notes: partner?.notes ?? '',
    active: partner?.active ?? true,
  };
}

interface PartnerFormModalProps {
  partner: Partner | null;
  opened: boolean;
  onClose: () => void;
}

export function PartnerFormModal({ partner, opened, onClose }: PartnerFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={partner ? t('partners.editTitle') : t('partners.createTitle')} size="xl">
      {() => <PartnerForm key={partner?.id ?? 'new'} partner={partner} onDone={onClose} />}
    </FormModal>
  );
}

function PartnerForm({ partner, onDone }: { partner: Partner | null; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const queryClient = useQueryClient();
  const agencies = useAgencies();
  const schemaErrors = zodValidator<PartnerInput>(PartnerInput, { phone: 'phone', email: 'email' });
  const form = useForm<Values>({
    initialValues: initialValues(partner),
    validate: (values) => schemaErrors(toInput(values)),
  });
  const save = useMutation({
    mutationFn: (input: PartnerInput) => (partner ? updatePartner(partner.id, input) : createPartner(input)),
    onSuccess: async (saved) => {
      notifySuccess(partner ? t('partners.updated', { name: saved.name }) : t('partners.created', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: partnersQueryKey });
      onDone();
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toInput(values)))} noValidate>
      <Stack>
        <TextInput label={t('partners.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('partners.type')}
            withAsterisk
            allowDeselect={false}
            data={PARTNER_TYPES.map((type) => ({ value: type, label: label(PARTNER_TYPE_NAMES, type) ?? type }))}
            {...form.getInputProps('type')}
          />
          <Select
            label={t('partners.agency')}
            description={t('partners.agencyHint')}
            clearable
            searchable
            data={(agencies.data ?? []).map((agency) => ({ value: agency.id, label: `${agency.shortName} — ${agency.name}` }))}
            {...form.getInputProps('agencyId')}
          />
          <TextInput label={t('partners.contactPerson')} autoComplete="off" {...form.getInputProps('contactPerson')} />
          <TextInput label={t('partners.phone')} type="tel" inputMode="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('partners.email')} type="email" inputMode="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Textarea label={t('partners.address')} autosize minRows={2} maxRows={4} {...form.getInputProps('address')} />
        <RegionPicker
          label={t('partners.region')}
          value={form.values.regionCode}
          onChange={(code) => form.setFieldValue('regionCode', code)}
          scoped={false}
          error={form.errors.regionCode}
        />
        <Textarea label={t('partners.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <Switch label={t('partners.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
