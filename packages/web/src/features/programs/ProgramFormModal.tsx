import { Accordion, Alert, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  FUNDING_SOURCES, PROGRAM_APPROACH_LABELS, PROGRAM_APPROACHES, PROGRAM_KIND_LABELS, PROGRAM_KINDS, type FundingSource, type Program,
  type ProgramApproach, type ProgramKind,
} from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useAgencies } from '../agencies/api.ts';
import { useSession } from '../auth/session.ts';
import { createProgram, programsKey, updateProgram } from './api.ts';
import { BenefitItemsInput } from './BenefitItemsInput.tsx';
import { useLocalText } from './local-text.ts';
import { itemsValue, programFormValues, programInput, type ProgramFormValues } from './program-form.ts';
import { QuotasInput } from './QuotasInput.tsx';

interface ProgramFormModalProps {
  /** The program to change, or null to create a draft. */
  program: Program | null;
  opened: boolean;
  onClose: () => void;
}

export function ProgramFormModal({ program, opened, onClose }: ProgramFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="xl" title={program ? t('programs.form.editTitle') : t('programs.form.createTitle')}>
      {() => <ProgramForm program={program} onDone={onClose} />}
    </FormModal>
  );
}

const money = { thousandSeparator: '.', decimalSeparator: ',', prefix: 'Rp ', min: 0, allowDecimal: false } as const;
const count = { thousandSeparator: '.', decimalSeparator: ',', min: 0, allowDecimal: false } as const;

function ProgramForm({ program, onDone }: { program: Program | null; onDone: () => void }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const agencies = useAgencies();
  const isAdmin = me.role === 'admin';
  const form = useForm<ProgramFormValues>({
    initialValues: programFormValues(program, new Date().toISOString().slice(0, 10)),
    validate: {
      name: (value) => (value.trim().length < 3 ? t('programs.form.nameRequired') : null),
      periodTo: (value, values) => (value < values.periodFrom ? t('programs.form.periodOrder') : null),
      periodFrom: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('programs.form.dateRequired')),
    },
  });
  const save = useMutation({
    mutationFn: (values: ProgramFormValues) => {
      const input = programInput(values);
      if (!program) return createProgram(input);
      const { agencyId: _ignored, ...changes } = input;
      return updateProgram(program.id, { ...changes, version: program.version });
    },
    meta: { inlineError: true },
    onSuccess: async (saved) => {
      notifySuccess(program ? t('programs.form.updated', { name: saved.name }) : t('programs.form.created', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: programsKey });
      onDone();
      if (!program) void navigate(`/program/${saved.id}?tab=aturan`);
    },
  });
  const packageValue = itemsValue(form.values.benefitItems);

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        {isAdmin && !program && (
          <NativeSelect
            label={t('programs.agency')}
            data={[{ value: '', label: t('programs.form.ownAgency') }, ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name }))]}
            {...form.getInputProps('agencyId')}
          />
        )}
        <TextInput label={t('programs.name')} withAsterisk data-autofocus placeholder={t('programs.form.namePlaceholder')} {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('programs.kind')}
            data={PROGRAM_KINDS.map((kind: ProgramKind) => ({ value: kind, label: local(PROGRAM_KIND_LABELS[kind]) }))}
            {...form.getInputProps('kind')}
          />
          <NativeSelect
            label={t('programs.approach')}
            data={PROGRAM_APPROACHES.map((approach: ProgramApproach) => ({ value: approach, label: local(PROGRAM_APPROACH_LABELS[approach]) }))}
            {...form.getInputProps('approach')}
          />
          <TextInput type="date" label={t('programs.periodFrom')} withAsterisk {...form.getInputProps('periodFrom')} />
          <TextInput type="date" label={t('programs.periodTo')} withAsterisk {...form.getInputProps('periodTo')} />
          <NativeSelect
            label={t('programs.fundingSource')}
            data={FUNDING_SOURCES.map((source: FundingSource) => ({ value: source, label: t(`programs.funding.${source}`) }))}
            {...form.getInputProps('fundingSource')}
          />
          <NumberInput label={t('programs.budget')} {...money} {...form.getInputProps('budget')} />
        </SimpleGrid>
        <Textarea label={t('programs.form.descriptionField')} autosize minRows={2} {...form.getInputProps('description')} />
        <Accordion variant="separated" multiple defaultValue={['benefit', 'targets']}>
          <Accordion.Item value="benefit">
            <Accordion.Control>{t('programs.form.benefit')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <NumberInput label={t('programs.unitValue')} description={t('programs.form.unitValueHint')} {...money} {...form.getInputProps('unitValue')} />
                <BenefitItemsInput form={form} />
                {packageValue !== null && <Text fz="sm">{t('programs.form.itemsValue', { value: format.rupiah(packageValue) })}</Text>}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="targets">
            <Accordion.Control>{t('programs.form.targets')}</Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                <NumberInput label={t('programs.targetFamilies')} {...count} {...form.getInputProps('targetFamilies')} />
                <NumberInput label={t('programs.targetPeople')} {...count} {...form.getInputProps('targetPeople')} />
                <NumberInput label={t('programs.targetUnits')} {...count} {...form.getInputProps('targetUnits')} />
                <NumberInput label={t('programs.targetMoney')} {...money} {...form.getInputProps('targetMoney')} />
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="quotas">
            <Accordion.Control>{t('programs.form.quotas')}</Accordion.Control>
            <Accordion.Panel>
              <QuotasInput form={form} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <Textarea
          label={t('programs.legalBasis')}
          description={t('programs.form.legalBasisHint')}
          autosize
          minRows={2}
          {...form.getInputProps('legalBasis')}
        />
        {save.error && <Alert color="red" role="alert">{save.error.message}</Alert>}
        <FormActions onCancel={onDone} saving={save.isPending} saveLabel={program ? undefined : t('programs.form.createDraft')} />
      </Stack>
    </form>
  );
}
