import { Group, MultiSelect, NativeSelect, NumberInput, TagsInput, TextInput } from '@mantine/core';
import { ruleValueShape, type RuleCatalogueField, type RuleOperator, type RuleScalar, type RuleValue } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../local-text.ts';

interface ValueInputProps {
  field: RuleCatalogueField;
  op: RuleOperator;
  value: RuleValue | undefined;
  onChange: (value: RuleValue) => void;
  disabled: boolean;
}

const asList = (value: RuleValue | undefined): RuleScalar[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A typed number stays a number; a cleared box becomes '' so that the server says which value is missing. */
const numberOrBlank = (input: number | string): RuleScalar => (typeof input === 'number' ? input : input === '' ? '' : Number(input.replace(',', '.')));

/** Pick lists hold strings; the stored code keeps its own type (house codes are numbers, business status text). */
function codeFromString(field: RuleCatalogueField, text: string): RuleScalar {
  return field.codes?.find((code) => String(code.code) === text)?.code ?? text;
}

/** The value box(es) a comparison needs: none, one, a lowest–highest pair, or a list; pick lists for coded fields. */
export function ValueInput({ field, op, value, onChange, disabled }: ValueInputProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const shape = ruleValueShape(op);
  const list = asList(value);
  if (shape === 'none') return null;
  const unit = field.unit ? local(field.unit) : undefined;

  if (field.codes) {
    const data = field.codes.map((code) => ({ value: String(code.code), label: local(code) }));
    if (shape === 'list') {
      return (
        <MultiSelect
          label={t('programs.rule.values')}
          data={data}
          value={list.map(String)}
          onChange={(values) => onChange(values.map((text) => codeFromString(field, text)))}
          disabled={disabled}
          searchable
          miw={220}
        />
      );
    }
    return (
      <NativeSelect
        label={t('programs.rule.value')}
        data={data}
        value={String(list[0] ?? '')}
        onChange={(event) => onChange(codeFromString(field, event.currentTarget.value))}
        disabled={disabled}
      />
    );
  }

  if (shape === 'list') {
    return (
      <TagsInput
        label={t('programs.rule.values')}
        description={t('programs.rule.valuesHint')}
        value={list.map(String)}
        onChange={(values) => onChange(values.map((text) => (field.type === 'number' ? numberOrBlank(text) : text.trim())))}
        disabled={disabled}
        miw={220}
      />
    );
  }

  if (field.type === 'number') {
    const box = (label: string, index: number) => (
      <NumberInput
        key={index}
        label={label}
        value={list[index] ?? ''}
        onChange={(input) => {
          const next = numberOrBlank(input);
          onChange(shape === 'pair' ? (index === 0 ? [next, list[1] ?? ''] : [list[0] ?? '', next]) : next);
        }}
        min={field.min}
        max={field.max}
        decimalScale={field.decimals}
        thousandSeparator="."
        decimalSeparator=","
        rightSection={unit && unit.length <= 5 ? unit : undefined}
        rightSectionWidth={unit ? 48 : undefined}
        disabled={disabled}
        w={130}
      />
    );
    return shape === 'pair' ? <Group gap="xs" align="flex-end">{box(t('programs.rule.lowest'), 0)}{box(t('programs.rule.highest'), 1)}</Group> : box(t('programs.rule.value'), 0);
  }

  const textBox = (label: string, index: number) => (
    <TextInput
      key={index}
      label={label}
      type={field.type === 'date' ? 'date' : 'text'}
      placeholder={field.type === 'region' ? (field.regionLevel === 'village' ? '35.07.13.2001' : '35.07.13') : undefined}
      value={String(list[index] ?? '')}
      onChange={(event) => {
        const next = event.currentTarget.value.trim();
        onChange(shape === 'pair' ? (index === 0 ? [next, list[1] ?? ''] : [list[0] ?? '', next]) : next);
      }}
      disabled={disabled}
      w={170}
    />
  );
  return shape === 'pair' ? <Group gap="xs" align="flex-end">{textBox(t('programs.rule.from'), 0)}{textBox(t('programs.rule.to'), 1)}</Group> : textBox(t('programs.rule.value'), 0);
}
