import { ActionIcon, Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProgramFormValues } from './program-form.ts';

/** The items of one package (gas stove, frying pan, materials), each with quantity, unit and unit value. */
export function BenefitItemsInput({ form }: { form: UseFormReturnType<ProgramFormValues> }) {
  const { t } = useTranslation();
  const items = form.values.benefitItems;
  return (
    <Stack gap="xs">
      {items.map((_, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={t('programs.form.itemNumber', { n: index + 1 })}>
          <TextInput label={t('programs.form.itemName')} miw={160} style={{ flex: 2 }} {...form.getInputProps(`benefitItems.${index}.name`)} />
          <NumberInput label={t('programs.form.itemQuantity')} w={90} min={0} decimalSeparator="," {...form.getInputProps(`benefitItems.${index}.quantity`)} />
          <TextInput label={t('programs.form.itemUnit')} w={90} {...form.getInputProps(`benefitItems.${index}.unit`)} />
          <NumberInput
            label={t('programs.form.itemUnitValue')}
            w={150}
            min={0}
            prefix="Rp "
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            {...form.getInputProps(`benefitItems.${index}.unitValue`)}
          />
          <ActionIcon variant="subtle" color="red" mb={4} aria-label={t('programs.form.removeItem')} onClick={() => form.removeListItem('benefitItems', index)}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => form.insertListItem('benefitItems', { name: '', quantity: 1, unit: 'unit', unitValue: '' })}
      >
        {t('programs.form.addItem')}
      </Button>
    </Stack>
  );
}
