import { Alert, Button, Group, Paper, Select, TextInput, Title } from '@mantine/core';
import { CONFLICT_PERIODS, PROGRAM_KIND_LABELS, PROGRAM_KINDS, type ConflictPeriod, type ProgramKind } from '@sinergi/domain';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { useLocalText } from '../programs/local-text.ts';
import { coverageKey, createConflictRule } from './api.ts';

/** Adds a pair of program kinds that one family should not receive together (admins only). */
export function ConflictRuleForm() {
  const { t } = useTranslation();
  const text = useLocalText();
  const queryClient = useQueryClient();
  const [kindA, setKindA] = useState<ProgramKind | null>(null);
  const [kindB, setKindB] = useState<ProgramKind | null>(null);
  const [period, setPeriod] = useState<ConflictPeriod>('same_year');
  const [note, setNote] = useState('');
  const kinds = PROGRAM_KINDS.map((kind) => ({ value: kind, label: text(PROGRAM_KIND_LABELS[kind]) }));
  const create = useMutation({
    meta: { inlineError: true },
    mutationFn: () => createConflictRule({ kindA: kindA!, kindB: kindB!, period, note: note.trim() || null }),
    onSuccess: async () => {
      notifySuccess(t('coverage.conflicts.added'));
      setKindA(null);
      setKindB(null);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: coverageKey });
    },
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} fz="h5" mb="sm">{t('coverage.conflicts.addTitle')}</Title>
      <Group align="flex-end" wrap="wrap">
        <Select label={t('coverage.conflicts.kindA')} data={kinds} value={kindA} onChange={(value) => setKindA(value)} w={220} />
        <Select label={t('coverage.conflicts.kindB')} data={kinds} value={kindB} onChange={(value) => setKindB(value)} w={220} />
        <Select
          label={t('coverage.conflicts.period')}
          data={CONFLICT_PERIODS.map((value) => ({ value, label: t(`coverage.conflicts.periods.${value}`) }))}
          value={period}
          onChange={(value) => setPeriod(value === 'ever' ? 'ever' : 'same_year')}
          allowDeselect={false}
          w={180}
        />
        <TextInput label={t('coverage.conflicts.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={500} style={{ flex: 1, minWidth: 200 }} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} disabled={!kindA || !kindB} loading={create.isPending} onClick={() => create.mutate()}>
          {t('coverage.conflicts.add')}
        </Button>
      </Group>
      {create.error && <Alert color="red" mt="sm" role="alert">{create.error.message}</Alert>}
    </Paper>
  );
}
