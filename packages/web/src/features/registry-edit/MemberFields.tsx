import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  CHRONIC_ILLNESSES,
  DISABILITY_ITEMS,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  MAX_NAME_LENGTH,
  PPKS_CATEGORIES,
  RELATIONS,
  SEXES,
  SPECIAL_STATUSES,
  WORK_STATUSES,
} from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { CodeMultiSelect, CodeSelect } from './CodeInputs.tsx';
import { isMasked, type MemberFormValues } from './edit-values.ts';

/**
 * A member's identity and socio-economic fields, for editing and for adding a person to a family card. With
 * `specificHidden` (a masked view) the specific personal data fields are shown disabled, without their values.
 */
export function MemberFields({ form, specificHidden = false }: { form: UseFormReturnType<MemberFormValues>; specificHidden?: boolean }) {
  const { t, i18n } = useTranslation();
  const values = form.getValues();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const nikMasked = isMasked(values.nik);
  const birthMasked = isMasked(values.birthDate);
  const code = <F extends keyof MemberFormValues>(field: F) => ({
    value: values[field] as never,
    error: form.errors[field],
    onChange: (value: unknown) => form.setFieldValue(field, value as never),
  });
  const list = <F extends 'disabilities' | 'ppks' | 'specialStatus'>(field: F) => ({
    value: values[field],
    error: form.errors[field],
    onChange: (codes: string[]) => form.setFieldValue(field, codes as never),
  });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('members.name')} withAsterisk maxLength={MAX_NAME_LENGTH} data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label={t('members.nik')}
          withAsterisk
          inputMode="numeric"
          maxLength={16}
          disabled={nikMasked}
          description={nikMasked ? t('edit.unmaskToEdit') : t('edit.nikHint')}
          {...form.getInputProps('nik')}
        />
        <TextInput
          type={birthMasked ? 'text' : 'date'}
          label={t('members.birthDate')}
          disabled={birthMasked}
          description={birthMasked ? t('edit.unmaskToEdit') : undefined}
          value={values.birthDate ?? ''}
          error={form.errors.birthDate}
          onChange={(event) => form.setFieldValue('birthDate', event.currentTarget.value || null)}
        />
        <NativeSelect
          label={t('members.sex')}
          data={[{ value: '', label: t('common.notRecorded') }, ...SEXES.map((sex) => ({ value: sex.code, label: sex[language] }))]}
          value={values.sex ?? ''}
          onChange={(event) => form.setFieldValue('sex', event.currentTarget.value === 'L' || event.currentTarget.value === 'P' ? event.currentTarget.value : null)}
        />
        <CodeSelect label={t('members.relation')} list={RELATIONS} {...code('relation')} />
        <CodeSelect label={t('members.maritalStatus')} list={MARITAL_STATUSES} {...code('maritalStatus')} />
        <CodeSelect label={t('members.education')} list={EDUCATION_LEVELS} {...code('education')} />
        <CodeSelect label={t('members.work')} list={WORK_STATUSES} {...code('workStatus')} />
        {specificHidden
          ? <HiddenField label={t('members.chronicIllness')} />
          : <CodeSelect label={t('members.chronicIllness')} list={CHRONIC_ILLNESSES} {...code('chronicIllness')} />}
      </SimpleGrid>
      {specificHidden ? (
        <>
          <HiddenField label={t('members.disabilities')} />
          <HiddenField label={t('members.ppksShort')} />
          <HiddenField label={t('members.specialStatus')} />
        </>
      ) : (
        <>
          <CodeMultiSelect label={t('members.disabilities')} list={DISABILITY_ITEMS} {...list('disabilities')} />
          <CodeMultiSelect label={t('members.ppksShort')} list={PPKS_CATEGORIES} {...list('ppks')} />
          <CodeMultiSelect label={t('members.specialStatus')} list={SPECIAL_STATUSES} {...list('specialStatus')} />
        </>
      )}
    </Stack>
  );
}

/** A specific personal data field in a masked view: disabled, its value not loaded, with how to edit it. */
function HiddenField({ label }: { label: string }) {
  const { t } = useTranslation();
  return <TextInput label={label} value={t('members.specificHidden')} disabled description={t('edit.unmaskToEditSpecific')} readOnly />;
}
