import { NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  ASSETS,
  BUSINESS_SECTORS,
  BUSINESS_STATUSES,
  COOKING_FUELS,
  FLOOR_TYPES,
  HOUSE_OWNERSHIP,
  LIGHTING_SOURCES,
  MAX_ADDRESS_LENGTH,
  MAX_DUSUN_LENGTH,
  MAX_FLOOR_AREA_M2,
  MAX_POWER_VA,
  ROOF_TYPES,
  TOILET_FACILITIES,
  WALL_TYPES,
  WATER_SOURCES,
  type FamilyEditable,
} from '@sinergi/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { CodeMultiSelect, CodeSelect } from './CodeInputs.tsx';
import { isMasked } from './edit-values.ts';

type Form = UseFormReturnType<FamilyEditable>;
type TextField = 'address' | 'rt' | 'rw' | 'dusun' | 'dataDate' | 'noKk';
type NumberField = 'floorAreaM2' | 'powerVa' | 'businessTurnover';
type DesilField = 'desilNational' | 'desilProvince' | 'desilRegency';

const DESILS = Array.from({ length: 10 }, (_, index) => String(index + 1));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Title order={3} fz="h5" component="legend" mb={4}>{title}</Title>
      {children}
    </Stack>
  );
}

/** The family edit form's fields: address and village, desil, house, assets, business, data date. */
export function FamilyEditFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const text = (field: TextField) => ({
    value: values[field] ?? '',
    error: form.errors[field],
    onChange: (event: { currentTarget: { value: string } }) => form.setFieldValue(field, event.currentTarget.value === '' ? null : event.currentTarget.value),
  });
  const number = (field: NumberField) => ({
    value: values[field] ?? '',
    error: form.errors[field],
    onChange: (value: number | string) => form.setFieldValue(field, typeof value === 'number' ? value : null),
  });
  const desil = (field: DesilField, label: string) => (
    <NativeSelect
      label={label}
      data={[{ value: '', label: t('families.desilUnknown') }, ...DESILS.map((d) => ({ value: d, label: d }))]}
      value={values[field] === null ? '' : String(values[field])}
      error={form.errors[field]}
      onChange={(event) => form.setFieldValue(field, event.currentTarget.value ? Number(event.currentTarget.value) : null)}
    />
  );
  const code = <F extends keyof FamilyEditable>(field: F) => ({
    value: values[field] as never,
    error: form.errors[field],
    onChange: (value: unknown) => form.setFieldValue(field, value as never),
  });
  const noKkMasked = isMasked(values.noKk);

  return (
    <Stack gap="lg">
      <Section title={t('edit.sections.identity')}>
        <TextInput
          label={t('families.noKk')}
          inputMode="numeric"
          maxLength={16}
          disabled={noKkMasked}
          description={noKkMasked ? t('edit.unmaskToEdit') : t('edit.noKkHint')}
          {...text('noKk')}
          value={values.noKk}
        />
        <RegionPicker
          value={values.villageCode}
          onChange={(code) => form.setFieldValue('villageCode', code ?? '')}
          label={t('region.label')}
          error={form.errors.villageCode}
        />
        <Textarea label={t('families.address')} autosize minRows={2} maxRows={4} maxLength={MAX_ADDRESS_LENGTH} {...text('address')} />
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <TextInput label="RT" inputMode="numeric" maxLength={3} {...text('rt')} />
          <TextInput label="RW" inputMode="numeric" maxLength={3} {...text('rw')} />
          <TextInput label={t('families.dusun')} maxLength={MAX_DUSUN_LENGTH} {...text('dusun')} />
        </SimpleGrid>
      </Section>
      <Section title={t('families.desil')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {desil('desilRegency', t('families.desilRegency'))}
          {desil('desilProvince', t('families.desilProvince'))}
          {desil('desilNational', t('families.desilNational'))}
        </SimpleGrid>
      </Section>
      <Section title={t('families.house')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <CodeSelect label={t('house.ownership')} list={HOUSE_OWNERSHIP} {...code('houseOwnership')} />
          <NumberInput label={t('house.floorAreaM2')} min={0} max={MAX_FLOOR_AREA_M2} decimalScale={1} suffix=" m²" {...number('floorAreaM2')} />
          <CodeSelect label={t('house.floor')} list={FLOOR_TYPES} {...code('floorType')} />
          <CodeSelect label={t('house.wall')} list={WALL_TYPES} {...code('wallType')} />
          <CodeSelect label={t('house.roof')} list={ROOF_TYPES} {...code('roofType')} />
          <CodeSelect label={t('house.water')} list={WATER_SOURCES} {...code('waterSource')} />
          <CodeSelect label={t('house.lighting')} list={LIGHTING_SOURCES} {...code('lighting')} />
          <NumberInput label={t('house.power')} min={0} max={MAX_POWER_VA} allowDecimal={false} suffix=" VA" thousandSeparator="." decimalSeparator="," {...number('powerVa')} />
          <CodeSelect label={t('house.cookingFuel')} list={COOKING_FUELS} {...code('cookingFuel')} />
          <CodeSelect label={t('house.toilet')} list={TOILET_FACILITIES} {...code('toilet')} />
        </SimpleGrid>
        <CodeMultiSelect label={t('families.assets')} list={ASSETS} value={values.assets} onChange={(assets) => form.setFieldValue('assets', assets)} error={form.errors.assets} />
      </Section>
      <Section title={t('families.business')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('families.businessStatus')}
            data={BUSINESS_STATUSES.map((status) => ({ value: status, label: t(`business.${status}`) }))}
            value={values.businessStatus}
            onChange={(event) => form.setFieldValue('businessStatus', event.currentTarget.value as FamilyEditable['businessStatus'])}
          />
          <CodeSelect label={t('families.businessSector')} list={BUSINESS_SECTORS} {...code('businessSector')} />
          <NumberInput label={t('edit.turnoverPerMonth')} min={0} allowDecimal={false} prefix="Rp" thousandSeparator="." decimalSeparator="," {...number('businessTurnover')} />
        </SimpleGrid>
      </Section>
      <TextInput type="date" label={t('edit.dataDate')} description={t('edit.dataDateHint')} maw={260} {...text('dataDate')} />
    </Stack>
  );
}
