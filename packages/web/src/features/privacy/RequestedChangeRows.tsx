import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { changeFieldLabel, type ChangeEntity } from '@sinergi/domain';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CorrectionField, RequestedChange } from './correction-fields.ts';

interface RequestedChangeRowsProps {
  entity: ChangeEntity;
  fields: readonly CorrectionField[];
  rows: RequestedChange[];
  onChange: (rows: RequestedChange[]) => void;
}

/** The corrections a person asks for: which field, and the value they say is right. */
export function RequestedChangeRows({ entity, fields, rows, onChange }: RequestedChangeRowsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const label = (field: string) => changeFieldLabel(entity, field)[language];
  const unused = fields.filter((f) => !rows.some((row) => row.field === f.field));
  const update = (index: number, change: Partial<RequestedChange>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <Stack gap="xs">
      <Text fz="sm" fw={500}>{t('privacy.corrections.changes')}</Text>
      {rows.length === 0 && <Text fz="sm" c="dimmed">{t('privacy.corrections.noChanges')}</Text>}
      {rows.map((row, index) => {
        const definition = fields.find((f) => f.field === row.field);
        const kind = definition?.kind ?? { type: 'text' as const };
        const valueLabel = t('privacy.corrections.newValue', { field: label(row.field) });
        return (
          <Group key={row.field} align="flex-end" gap="xs" wrap="nowrap">
            <NativeSelect
              label={t('privacy.corrections.field')}
              value={row.field}
              data={[row.field, ...unused.map((f) => f.field)].map((field) => ({ value: field, label: label(field) }))}
              onChange={(event) => update(index, { field: event.currentTarget.value, value: '' })}
              style={{ flex: 1 }}
            />
            {kind.type === 'code' ? (
              <NativeSelect
                label={valueLabel}
                value={row.value}
                data={[{ value: '', label: t('privacy.corrections.choose') }, ...kind.list.map((item) => ({ value: String(item.code), label: item[language] }))]}
                onChange={(event) => update(index, { value: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
            ) : (
              <TextInput
                label={valueLabel}
                type={kind.type === 'date' ? 'date' : 'text'}
                inputMode={kind.type === 'digits' ? 'numeric' : undefined}
                maxLength={kind.type === 'digits' ? kind.length : 500}
                value={row.value}
                onChange={(event) => update(index, { value: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
            )}
            <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('privacy.corrections.removeField', { field: label(row.field) })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {unused.length > 0 && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...rows, { field: unused[0]?.field ?? '', value: '' }])}
        >
          {t('privacy.corrections.addField')}
        </Button>
      )}
    </Stack>
  );
}
