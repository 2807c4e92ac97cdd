import { Checkbox, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DEFAULT_ANSWER_DAYS, MAX_ANSWER_DAYS, REFERRAL_SERVICES, ReferralCreate, type ReferralService } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { zodValidator } from '../../i18n/validation.tsx';
import { useAgencies } from '../agencies/api.ts';
import { useSession } from '../auth/session.ts';
import { refreshAfterReferralChange, sendReferral } from './api.ts';
import { useReferralLabels } from './labels.ts';

export interface ReferredFamily {
  id: string;
  headName: string | null;
  members: { id: string; name: string }[];
}

interface Values {
  toAgencyId: string | null;
  memberId: string | null;
  services: ReferralService[];
  answerDays: number | string;
  dueOn: string;
  note: string;
  basis: 'consent' | 'legal_basis';
  consentOn: string;
  consentBy: string;
  legalBasis: string;
}

function toInput(familyId: string, values: Values): ReferralCreate {
  return {
    familyId,
    toAgencyId: values.toAgencyId ?? '',
    ...(values.memberId ? { memberId: values.memberId } : {}),
    services: values.services,
    answerDays: Number(values.answerDays),
    ...(values.dueOn ? { dueOn: values.dueOn } : {}),
    ...(values.note.trim() ? { note: values.note } : {}),
    sharing: values.basis === 'consent'
      ? { basis: 'consent', consentOn: values.consentOn, consentBy: values.consentBy }
      : { basis: 'legal_basis', legalBasis: values.legalBasis },
  };
}

/** Errors of the nested sharing object belong to the fields the form shows for it. */
function flattenSharing(errors: Record<string, React.ReactNode>): Record<string, React.ReactNode> {
  return Object.fromEntries(Object.entries(errors).map(([key, value]) => [key.replace(/^sharing\./, ''), value]));
}

export function ReferralFormModal({ family, opened, onClose }: { family: ReferredFamily; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('referrals.form.title', { name: family.headName ?? t('referrals.noHead') })} size="xl">
      {() => <ReferralForm family={family} onDone={onClose} />}
    </FormModal>
  );
}

function ReferralForm({ family, onDone }: { family: ReferredFamily; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const labels = useReferralLabels();
  const agencies = useAgencies();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schemaErrors = zodValidator<ReferralCreate>(ReferralCreate);
  const form = useForm<Values>({
    initialValues: {
      toAgencyId: null, memberId: null, services: [], answerDays: DEFAULT_ANSWER_DAYS, dueOn: '', note: '', basis: 'consent',
      consentOn: new Date().toISOString().slice(0, 10), consentBy: family.headName ?? '', legalBasis: '',
    },
    validate: (values) => flattenSharing(schemaErrors(toInput(family.id, values))),
  });
  const send = useMutation({
    mutationFn: (input: ReferralCreate) => sendReferral(input),
    onSuccess: async (referral) => {
      notifySuccess(t('referrals.form.sent', { agency: referral.toAgency.shortName }));
      await refreshAfterReferralChange(queryClient);
      onDone();
      void navigate(`/rujukan/${referral.id}`);
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => send.mutate(toInput(family.id, values)))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('referrals.form.toAgency')}
            withAsterisk
            searchable
            data-autofocus
            data={(agencies.data ?? []).filter((agency) => agency.id !== me.agency.id).map((agency) => ({ value: agency.id, label: `${agency.shortName} — ${agency.name}` }))}
            {...form.getInputProps('toAgencyId')}
          />
          <Select
            label={t('referrals.member')}
            description={t('referrals.form.memberHint')}
            clearable
            data={family.members.map((member) => ({ value: member.id, label: member.name }))}
            {...form.getInputProps('memberId')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('referrals.services')}
          withAsterisk
          error={form.errors.services}
          value={form.values.services}
          onChange={(values) => form.setFieldValue('services', REFERRAL_SERVICES.filter((service) => values.includes(service)))}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={6} mt={6}>
            {REFERRAL_SERVICES.map((service) => (
              <Checkbox key={service} value={service} label={labels.service(service)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('referrals.form.answerDays')} description={t('referrals.form.answerDaysHint')} min={1} max={MAX_ANSWER_DAYS} withAsterisk {...form.getInputProps('answerDays')} />
          <TextInput type="date" label={t('referrals.dueOn')} description={t('referrals.form.dueOnHint')} {...form.getInputProps('dueOn')} />
        </SimpleGrid>
        <Textarea label={t('referrals.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
        <Stack gap={6}>
          <Text fw={500} fz="sm">{t('referrals.form.sharing')}</Text>
          <Text fz="xs" c="dimmed">{t('referrals.form.sharingHint')}</Text>
          <SegmentedControl
            value={form.values.basis}
            onChange={(value) => form.setFieldValue('basis', value === 'legal_basis' ? 'legal_basis' : 'consent')}
            data={[{ value: 'consent', label: t('referrals.sharingConsent') }, { value: 'legal_basis', label: t('referrals.sharingLegal') }]}
          />
          {form.values.basis === 'consent' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('referrals.form.consentOn')} withAsterisk {...form.getInputProps('consentOn')} />
              <TextInput label={t('referrals.form.consentBy')} withAsterisk {...form.getInputProps('consentBy')} />
            </SimpleGrid>
          ) : (
            <Textarea label={t('referrals.sharingLegal')} placeholder={t('referrals.form.legalBasisPlaceholder')} withAsterisk autosize minRows={2} {...form.getInputProps('legalBasis')} />
          )}
        </Stack>
        <FormActions onCancel={onDone} saving={send.isPending} saveLabel={t('referrals.form.send')} />
      </Stack>
    </form>
  );
}
