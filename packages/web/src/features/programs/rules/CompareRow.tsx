import { Group, NativeSelect, Paper, Stack } from '@mantine/core';
import type { CompareCondition, NodePath, RuleOperator } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../local-text.ts';
import { fieldsOf, pathAttribute, useRuleEditing } from './editing-context.ts';
import { NodeIssues } from './NodeIssues.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { withField, withOperator } from './rule-tree.ts';
import { ValueInput } from './ValueInput.tsx';

interface CompareRowProps {
  path: NodePath;
  condition: CompareCondition;
  scope: 'family' | 'member';
  /** Removing it is the parent's business when it is the only condition of a member condition. */
  onRemove: (() => void) | null;
}

/** One comparison: which data (pick list by group), how to compare, and the value(s). */
export function CompareRow({ path, condition, scope, onRemove }: CompareRowProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { catalogue, replace, readOnly } = useRuleEditing();
  const fields = fieldsOf(catalogue, scope);
  const field = fields.find((item) => item.key === condition.field);
  const groups = catalogue.groups
    .map((group) => ({ group: local(group.label), items: fields.filter((item) => item.group === group.key).map((item) => ({ value: item.key, label: local(item.label) })) }))
    .filter((group) => group.items.length > 0);
  const unknown = field ? [] : [{ value: condition.field, label: condition.field }];
  const operatorLabel = (op: RuleOperator) => local(catalogue.operators.find((item) => item.op === op)?.label) || op;

  return (
    <Paper withBorder p="xs" radius="sm" data-path={pathAttribute(path)} data-kind="compare">
      <Stack gap={4}>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={scope === 'family' ? t('programs.rule.familyField') : t('programs.rule.memberField')}
            data={[...unknown, ...groups]}
            value={condition.field}
            disabled={readOnly}
            onChange={(event) => {
              const next = fields.find((item) => item.key === event.currentTarget.value);
              if (next) replace(path, withField(next, condition));
            }}
          />
          {field && (
            <NativeSelect
              label={t('programs.rule.operator')}
              data={field.operators.map((op) => ({ value: op, label: operatorLabel(op) }))}
              value={condition.op}
              disabled={readOnly}
              onChange={(event) => replace(path, withOperator(field, condition, event.currentTarget.value as RuleOperator))}
            />
          )}
          {field && (
            <ValueInput field={field} op={condition.op} value={condition.value} disabled={readOnly} onChange={(value) => replace(path, { ...condition, value })} />
          )}
          {onRemove && <RemoveButton onClick={onRemove} disabled={readOnly} />}
        </Group>
        <NodeIssues path={path} />
      </Stack>
    </Paper>
  );
}
