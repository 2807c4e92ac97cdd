import { ActionIcon, Alert, Button, Group, Menu, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import {
  BUSINESS_PACKAGE_PRIORITY, describeConditionInline, PROGRAM_KIND_LABELS, type Condition, type PriorityKey, type PriorityOrder, type Program,
  type RuleCatalogue,
} from '@sinergi/domain';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../api/query-client.ts';
import { useRefreshProgram, useRuleCatalogue, updateProgram } from '../api.ts';
import { useLocalText } from '../local-text.ts';
import { RemoveButton } from './RemoveButton.tsx';
import { ruleIssuesOf } from './rule-tree.ts';

/** Conditions officers commonly rank by; a program may hold others (made through the API), which are shown in words. */
const PRESETS: { label: { id: string; en: string }; condition: Condition }[] = [
  ...BUSINESS_PACKAGE_PRIORITY.keys.flatMap((key) => (key.kind === 'condition' && key.label ? [{ label: key.label, condition: key.condition }] : [])),
  { label: { id: 'Ada anggota lanjut usia (60 tahun ke atas)', en: 'A member aged 60 or over' }, condition: { kind: 'anyMember', where: { kind: 'compare', field: 'age', op: '>=', value: 60 } } },
  { label: { id: 'Ada balita (di bawah 5 tahun)', en: 'A child under 5' }, condition: { kind: 'anyMember', where: { kind: 'compare', field: 'age', op: '<', value: 5 } } },
];

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The order in which qualifying families are drawn: keys applied one after another; the No KK breaks ties. */
export function PriorityEditor({ program }: { program: Program }) {
  const catalogue = useRuleCatalogue();
  if (!catalogue.data) return null;
  return <PriorityEditorLoaded key={`${program.id}:${program.ruleVersion}`} program={program} catalogue={catalogue.data} />;
}

function PriorityEditorLoaded({ program, catalogue }: { program: Program; catalogue: RuleCatalogue }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const refresh = useRefreshProgram(program.id);
  const readOnly = !program.canManage;
  const [keys, setKeys] = useState<PriorityKey[]>(program.priority?.keys ?? []);
  const fields = catalogue.familyFields.filter((field) => field.priority);
  const save = useMutation({
    mutationFn: (priority: PriorityOrder) => updateProgram(program.id, { priority, version: program.version }),
    meta: { inlineError: true },
    onSuccess: async () => {
      notifySuccess(t('programs.priority.saved'));
      await refresh();
    },
  });
  const issues = ruleIssuesOf(save.error);
  const change = (next: PriorityKey[]) => { save.reset(); setKeys(next); };
  const keyText = (key: PriorityKey) =>
    key.kind === 'field'
      ? local(fields.find((field) => field.key === key.field)?.label) || key.field
      : local(key.label ?? describeConditionInline(key.condition, { programKindLabels: PROGRAM_KIND_LABELS }));

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">{t('programs.priority.intro')}</Text>
      {keys.length === 0 && <Text c="dimmed">{t('programs.priority.none')}</Text>}
      {keys.map((key, index) => (
        <Paper key={index} withBorder p="xs" radius="sm" data-testid="priority-key">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={600} fz="sm">{index + 1}. {keyText(key)}</Text>
            <Group gap={4}>
              <NativeSelect
                aria-label={t('programs.priority.direction')}
                size="xs"
                disabled={readOnly}
                data={key.kind === 'field'
                  ? [{ value: 'asc', label: t('programs.priority.lowFirst') }, { value: 'desc', label: t('programs.priority.highFirst') }]
                  : [{ value: 'desc', label: t('programs.priority.meetsFirst') }, { value: 'asc', label: t('programs.priority.meetsLast') }]}
                value={key.direction}
                onChange={(event) => change(keys.map((item, i) => (i === index ? { ...item, direction: event.currentTarget.value === 'asc' ? 'asc' : 'desc' } : item)))}
              />
              {!readOnly && (
                <>
                  <ActionIcon variant="subtle" aria-label={t('programs.priority.up')} disabled={index === 0} onClick={() => change(move(keys, index, index - 1))}>
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="subtle" aria-label={t('programs.priority.down')} disabled={index === keys.length - 1} onClick={() => change(move(keys, index, index + 1))}>
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                </>
              )}
              <RemoveButton disabled={readOnly} onClick={() => change(keys.filter((_, i) => i !== index))} />
            </Group>
          </Group>
        </Paper>
      ))}
      {issues.map((issue, index) => <Alert key={index} color="red" role="alert">{local(issue.message)}</Alert>)}
      {save.error && issues.length === 0 && <Alert color="red" role="alert">{save.error.message}</Alert>}
      {!readOnly && (
        <Group gap="xs">
          <Menu position="bottom-start">
            <Menu.Target>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />}>{t('programs.priority.add')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('programs.priority.byField')}</Menu.Label>
              {fields.map((field) => (
                <Menu.Item key={field.key} onClick={() => change([...keys, { kind: 'field', field: field.key, direction: 'asc' }])}>{local(field.label)}</Menu.Item>
              ))}
              <Menu.Label>{t('programs.priority.byCondition')}</Menu.Label>
              {PRESETS.map((preset) => (
                <Menu.Item key={preset.label.id} onClick={() => change([...keys, { kind: 'condition', condition: preset.condition, direction: 'desc', label: preset.label }])}>
                  {local(preset.label)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button size="xs" onClick={() => save.mutate({ keys })} loading={save.isPending}>{t('programs.priority.save')}</Button>
          <Button size="xs" variant="subtle" onClick={() => change(BUSINESS_PACKAGE_PRIORITY.keys)}>{t('programs.priority.example')}</Button>
        </Group>
      )}
    </Stack>
  );
}
