import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { COUNT_OPERATORS, type Condition, type CountMembersCondition, type CountOperator, type NodePath } from '@sinergi/domain';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../local-text.ts';
import { AddConditionMenu } from './AddConditionMenu.tsx';
import { CompareRow } from './CompareRow.tsx';
import { pathAttribute, useRuleEditing } from './editing-context.ts';
import { NodeIssues } from './NodeIssues.tsx';
import { ReceivedProgramRow } from './ReceivedProgramRow.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { newComparison, type GroupCondition, type MemberQuantifier } from './rule-tree.ts';

interface NodeProps {
  path: NodePath;
  condition: Condition;
  scope: 'family' | 'member';
  /** Null for the root group and for the only condition inside a member condition. */
  onRemove: (() => void) | null;
}

/** One node of the rule, drawn by its kind; nested nodes are drawn by the same component. */
export function ConditionNode({ path, condition, scope, onRemove }: NodeProps) {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return <GroupNode path={path} condition={condition} scope={scope} onRemove={onRemove} />;
    case 'compare':
      return <CompareRow path={path} condition={condition} scope={scope} onRemove={onRemove} />;
    case 'head':
    case 'anyMember':
    case 'allMembers':
    case 'countMembers':
      return <MemberNode path={path} condition={condition} onRemove={onRemove} />;
    case 'receivedProgram':
      return <ReceivedProgramRow path={path} condition={condition} negated={false} onRemove={onRemove ?? (() => undefined)} />;
    case 'not':
      if (condition.condition.kind === 'receivedProgram') {
        return <ReceivedProgramRow path={path} condition={condition.condition} negated onRemove={onRemove ?? (() => undefined)} />;
      }
      return <NotNode path={path} condition={condition.condition} scope={scope} onRemove={onRemove} />;
  }
}

function GroupNode({ path, condition, scope, onRemove }: Omit<NodeProps, 'condition'> & { condition: GroupCondition }) {
  const { t } = useTranslation();
  const { replace, remove, readOnly } = useRuleEditing();
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)" data-path={pathAttribute(path)} data-kind={condition.kind}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <NativeSelect
            aria-label={t('programs.rule.groupKind')}
            data={[{ value: 'all', label: t('programs.rule.all') }, { value: 'any', label: t('programs.rule.any') }]}
            value={condition.kind}
            disabled={readOnly}
            onChange={(event) => replace(path, { kind: event.currentTarget.value === 'any' ? 'any' : 'all', conditions: condition.conditions })}
          />
          {onRemove && <RemoveButton onClick={onRemove} disabled={readOnly} />}
        </Group>
        <NodeIssues path={path} />
        {condition.conditions.map((child, index) => {
          const childPath = [...path, 'conditions', index];
          return <ConditionNode key={index} path={childPath} condition={child} scope={scope} onRemove={() => remove(childPath)} />;
        })}
        <AddConditionMenu groupPath={path} scope={scope} />
      </Stack>
    </Paper>
  );
}

function NotNode({ path, condition, scope, onRemove }: NodeProps) {
  const { t } = useTranslation();
  const { readOnly } = useRuleEditing();
  return (
    <Paper withBorder p="sm" radius="md" data-path={pathAttribute(path)} data-kind="not">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} fz="sm">{t('programs.rule.not')}</Text>
          {onRemove && <RemoveButton onClick={onRemove} disabled={readOnly} />}
        </Group>
        <ConditionNode path={[...path, 'condition']} condition={condition} scope={scope} onRemove={null} />
      </Stack>
    </Paper>
  );
}

type MemberCondition = Extract<Condition, { kind: MemberQuantifier | 'countMembers' }>;

/** Head of family / any member / every member / number of members, with the member conditions inside. */
function MemberNode({ path, condition, onRemove }: { path: NodePath; condition: MemberCondition; onRemove: (() => void) | null }) {
  const { t } = useTranslation();
  const { replace, readOnly, catalogue } = useRuleEditing();
  const where = condition.where;
  const wherePath = [...path, 'where'];
  const setQuantifier = (kind: MemberCondition['kind']) => {
    const inner = where ?? (catalogue.memberFields[0] ? newComparison(catalogue.memberFields[0]) : undefined);
    if (kind === 'countMembers') replace(path, { kind, op: '>=', value: 1, ...(inner ? { where: inner } : {}) });
    else if (inner) replace(path, { kind, where: inner });
  };
  // A lone member comparison grows into an "all" group when a second one is added.
  const addSecond = () => {
    const first = catalogue.memberFields[0];
    if (!where || !first) return;
    replace(wherePath, { kind: 'all', conditions: [where, newComparison(first)] });
  };

  return (
    <Paper withBorder p="sm" radius="md" data-path={pathAttribute(path)} data-kind={condition.kind}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" align="flex-end" wrap="wrap">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('programs.rule.whoseData')}
              data={(['head', 'anyMember', 'allMembers', 'countMembers'] as const).map((value) => ({ value, label: t(`programs.rule.quantifiers.${value}`) }))}
              value={condition.kind}
              disabled={readOnly}
              onChange={(event) => setQuantifier(event.currentTarget.value as MemberCondition['kind'])}
            />
            {condition.kind === 'countMembers' && <CountInputs path={path} condition={condition} />}
          </Group>
          {onRemove && <RemoveButton onClick={onRemove} disabled={readOnly} />}
        </Group>
        <NodeIssues path={path} />
        {where && <ConditionNode path={wherePath} condition={where} scope="member" onRemove={null} />}
        {where?.kind === 'compare' && !readOnly && (
          <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} aria-hidden />} onClick={addSecond}>
            {t('programs.rule.addMember')}
          </Button>
        )}
        {condition.kind === 'countMembers' && !where && <Text fz="sm" c="dimmed">{t('programs.rule.allMembersCounted')}</Text>}
      </Stack>
    </Paper>
  );
}

function CountInputs({ path, condition }: { path: NodePath; condition: CountMembersCondition }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { replace, readOnly, catalogue } = useRuleEditing();
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const setOp = (op: CountOperator) => replace(path, { ...condition, op, value: op === 'between' ? [values[0] ?? 1, values[1] ?? values[0] ?? 1] : (values[0] ?? 1) });
  const setValue = (index: number, input: number | string) => {
    const number = typeof input === 'number' ? input : 0;
    const next = condition.op === 'between' ? (index === 0 ? [number, values[1] ?? number] : [values[0] ?? number, number]) : number;
    replace(path, { ...condition, value: next });
  };
  const opLabel = (op: CountOperator) => local(catalogue.operators.find((item) => item.op === op)?.label) || op;
  return (
    <>
      <NativeSelect
        label={t('programs.rule.operator')}
        data={COUNT_OPERATORS.map((op) => ({ value: op, label: opLabel(op) }))}
        value={condition.op}
        disabled={readOnly}
        onChange={(event) => setOp(event.currentTarget.value as CountOperator)}
      />
      {(condition.op === 'between' ? [0, 1] : [0]).map((index) => (
        <NumberInput
          key={index}
          label={condition.op === 'between' ? t(index === 0 ? 'programs.rule.lowest' : 'programs.rule.highest') : t('programs.rule.people')}
          value={values[index] ?? 0}
          min={0}
          max={99}
          w={100}
          disabled={readOnly}
          onChange={(input) => setValue(index, input)}
        />
      ))}
    </>
  );
}
