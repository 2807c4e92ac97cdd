import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { Program, Stage } from '@sinergi/domain';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { createStage, distributionKey, updateStage } from './api.ts';
import { rupiah } from './format.ts';
import { useSubmission } from './useSubmission.ts';

/** The program's stages (tahap) with what each family gets; the owner agency adds stages here. */
export function StagesPanel({ program, stages, canPlan }: { program: Program; stages: Stage[]; canPlan: boolean }) {
  const { t } = useTranslation();
  // null: closed; 'new': adding a stage; a stage: changing it.
  const [editing, setEditing] = useState<Stage | 'new' | null>(null);
  return (
    <Paper withBorder radius="md" p="md" mb="md" component="section" aria-labelledby="stages-title">
      <Group justify="space-between" mb="xs">
        <Text fw={600} id="stages-title">{t('distribution.stages.title')}</Text>
        {canPlan && <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>{t('distribution.stages.add')}</Button>}
      </Group>
      {stages.length === 0 ? <Text size="sm" c="dimmed">{t('distribution.stages.none')}</Text> : (
        <Stack gap={6}>
          {stages.map((stage) => (
            <Group key={stage.id} gap="xs" wrap="wrap">
              <Badge variant="light">{stage.number}</Badge>
              <Text size="sm" fw={500}>{stage.name}</Text>
              <Text size="sm" c="dimmed">
                {stage.kind === 'cash' ? t('distribution.stages.cashValue', { value: rupiah(stage.valuePerFamily) }) : t('distribution.stages.packageValue', { value: rupiah(stage.valuePerFamily), items: stage.items.length })}
                {stage.plannedFrom ? ` · ${stage.plannedFrom} – ${stage.plannedTo ?? ''}` : ''}
                {` · ${t('distribution.stages.handovers', { count: stage.handovers })}`}
              </Text>
              {canPlan && (
                <ActionIcon variant="subtle" size="sm" aria-label={t('distribution.stages.edit', { name: stage.name })} onClick={() => setEditing(stage)}>
                  <IconPencil size={14} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <FormModal opened={editing !== null} title={editing === 'new' ? t('distribution.stages.add') : t('distribution.stages.change')} onClose={() => setEditing(null)} size="md">
        {() => <StageForm program={program} stage={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </FormModal>
    </Paper>
  );
}

/** A new stage, or changes to one (its kind and value are locked once it has hand-overs). */
function StageForm({ program, stage, onDone }: { program: Program; stage: Stage | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inKindDefault = program.kind !== 'cash_transfer' && program.kind !== 'conditional_cash';
  const [kind, setKind] = useState<'cash' | 'in_kind'>(stage?.kind ?? (inKindDefault && program.benefitItems.length > 0 ? 'in_kind' : 'cash'));
  const [name, setName] = useState(stage?.name ?? '');
  const [amount, setAmount] = useState<number | string>(stage?.amountPerFamily ?? program.unitValue ?? '');
  const [plannedFrom, setPlannedFrom] = useState(stage?.plannedFrom ?? '');
  const [plannedTo, setPlannedTo] = useState(stage?.plannedTo ?? '');
  const locked = (stage?.handovers ?? 0) > 0;
  const items = stage && stage.kind === 'in_kind' ? stage.items : program.benefitItems;
  const { saving, error, run } = useSubmission();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const values = {
        name, kind, amountPerFamily: kind === 'cash' && typeof amount === 'number' ? amount : null, items: kind === 'in_kind' ? items : [],
        plannedFrom: plannedFrom || null, plannedTo: plannedTo || null,
      };
      if (stage) await updateStage(program.id, stage.id, { ...values, version: stage.version });
      else await createStage(program.id, values);
      await queryClient.invalidateQueries({ queryKey: distributionKey(program.id) });
      onDone();
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('distribution.stages.name')} placeholder={t('distribution.stages.namePlaceholder')} value={name} onChange={(event) => setName(event.currentTarget.value)} required minLength={3} />
        <SegmentedControl disabled={locked} value={kind} onChange={(value) => setKind(value === 'in_kind' ? 'in_kind' : 'cash')} data={[{ value: 'cash', label: t('distribution.stages.cash') }, { value: 'in_kind', label: t('distribution.stages.inKind') }]} />
        {kind === 'cash' ? (
          <NumberInput label={t('distribution.stages.amountPerFamily')} prefix="Rp" thousandSeparator="." decimalSeparator="," min={0} value={amount} onChange={setAmount} required disabled={locked} />
        ) : items.length === 0 ? <Alert color="orange">{t('distribution.stages.noItems')}</Alert> : (
          <Text size="sm">{t('distribution.stages.itemsFromProgram', { items: items.map((i) => `${i.quantity} ${i.unit} ${i.name}`).join(', ') })}</Text>
        )}
        <Group grow>
          <TextInput type="date" label={t('distribution.stages.plannedFrom')} value={plannedFrom} onChange={(event) => setPlannedFrom(event.currentTarget.value)} />
          <TextInput type="date" label={t('distribution.stages.plannedTo')} value={plannedTo} onChange={(event) => setPlannedTo(event.currentTarget.value)} />
        </Group>
        {locked && <Text size="xs" c="dimmed">{t('distribution.stages.locked')}</Text>}
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <FormActions onCancel={onDone} saving={saving} />
      </Stack>
    </form>
  );
}
