import { Group, MultiSelect, NativeSelect, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import { PROGRAM_KIND_LABELS, PROGRAM_KINDS, type Condition, type NodePath, type ReceivedProgramCondition, type ReceiptPeriod } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../local-text.ts';
import { pathAttribute, useRuleEditing } from './editing-context.ts';
import { NodeIssues } from './NodeIssues.tsx';
import { RemoveButton } from './RemoveButton.tsx';

type PeriodKind = 'ever' | 'this_year' | 'lastMonths' | 'range';

function periodKind(period: ReceiptPeriod): PeriodKind {
  if (period === 'ever' || period === 'this_year') return period;
  return 'lastMonths' in period ? 'lastMonths' : 'range';
}

function periodOf(kind: PeriodKind, today: string): ReceiptPeriod {
  if (kind === 'lastMonths') return { lastMonths: 12 };
  if (kind === 'range') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  return kind;
}

interface ReceivedProgramRowProps {
  /** The path of the outer node: the `not` around it when negated. */
  path: NodePath;
  condition: ReceivedProgramCondition;
  negated: boolean;
  onRemove: () => void;
}

/** "Has (not) received a program of these kinds, or these programs, in this period". */
export function ReceivedProgramRow({ path, condition, negated, onRemove }: ReceivedProgramRowProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { replace, readOnly, programs } = useRuleEditing();
  const innerPath = negated ? [...path, 'condition'] : path;
  const save = (next: ReceivedProgramCondition, negate = negated) => {
    const clean: Condition = {
      kind: 'receivedProgram',
      period: next.period,
      ...(next.programKinds && next.programKinds.length > 0 ? { programKinds: next.programKinds } : {}),
      ...(next.programIds && next.programIds.length > 0 ? { programIds: next.programIds } : {}),
    };
    replace(path, negate ? { kind: 'not', condition: clean } : clean);
  };
  const kind = periodKind(condition.period);
  const range = typeof condition.period === 'object' && 'from' in condition.period ? condition.period : null;
  const months = typeof condition.period === 'object' && 'lastMonths' in condition.period ? condition.period.lastMonths : null;

  return (
    <Paper withBorder p="xs" radius="sm" data-path={pathAttribute(path)} data-kind="receivedProgram">
      <Stack gap={4}>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('programs.rule.receipt')}
            data={[{ value: 'no', label: t('programs.rule.notReceived') }, { value: 'yes', label: t('programs.rule.received') }]}
            value={negated ? 'no' : 'yes'}
            disabled={readOnly}
            onChange={(event) => save(condition, event.currentTarget.value === 'no')}
          />
          <MultiSelect
            label={t('programs.rule.programKinds')}
            placeholder={t('programs.rule.anyKind')}
            data={PROGRAM_KINDS.map((value) => ({ value, label: local(PROGRAM_KIND_LABELS[value]) }))}
            value={condition.programKinds ?? []}
            disabled={readOnly}
            onChange={(programKinds) => save({ ...condition, programKinds })}
            miw={220}
          />
          <MultiSelect
            label={t('programs.rule.programs')}
            placeholder={t('programs.rule.anyProgram')}
            data={programs}
            value={condition.programIds ?? []}
            disabled={readOnly}
            searchable
            onChange={(programIds) => save({ ...condition, programIds })}
            miw={220}
          />
          <NativeSelect
            label={t('programs.rule.period')}
            data={(['this_year', 'lastMonths', 'range', 'ever'] as const).map((value) => ({ value, label: t(`programs.rule.periods.${value}`) }))}
            value={kind}
            disabled={readOnly}
            onChange={(event) => save({ ...condition, period: periodOf(event.currentTarget.value as PeriodKind, new Date().toISOString().slice(0, 10)) })}
          />
          {months !== null && (
            <NumberInput
              label={t('programs.rule.months')}
              value={months}
              min={1}
              max={120}
              w={110}
              disabled={readOnly}
              onChange={(input) => save({ ...condition, period: { lastMonths: typeof input === 'number' ? input : 1 } })}
            />
          )}
          {range && (['from', 'to'] as const).map((end) => (
            <TextInput
              key={end}
              type="date"
              label={t(`programs.rule.${end}`)}
              value={range[end]}
              disabled={readOnly}
              onChange={(event) => save({ ...condition, period: { ...range, [end]: event.currentTarget.value } })}
            />
          ))}
          <RemoveButton onClick={onRemove} disabled={readOnly} />
        </Group>
        <NodeIssues path={path} />
        {negated && <NodeIssues path={innerPath} />}
      </Stack>
    </Paper>
  );
}
