import { Alert, Button, Card, Group, Radio, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RenovationSource } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/FormModal.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useFamilies } from '../families/api.ts';
import { proposeHouse, renovationKey, useRenovationCandidates } from './api.ts';

interface Choice {
  familyId: string;
  label: string;
}

/** Proposing a house: from the registry's worst-scoring houses, or any family at a village's request. */
export function ProposeModal({ opened, onClose, year }: { opened: boolean; onClose: () => void; year: number }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('renovation.propose.title', { year })}>
      {() => <ProposeForm year={year} onClose={onClose} />}
    </FormModal>
  );
}

function ProposeForm({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<RenovationSource>('registry');
  const [choice, setChoice] = useState<Choice | null>(null);
  const [q, setQ] = useState('');
  const [proposer, setProposer] = useState('');
  const [note, setNote] = useState('');
  const candidates = useRenovationCandidates({ pageSize: 10 }, source === 'registry');
  const families = useFamilies({ q: q || undefined, pageSize: 10 });
  const save = useMutation({
    mutationFn: () => proposeHouse({ familyId: choice?.familyId ?? '', year, source, proposer: proposer || null, note: note || null }),
    onSuccess: async (house) => {
      await queryClient.invalidateQueries({ queryKey: renovationKey });
      notifications.show({ color: 'green', message: t('renovation.propose.saved') });
      onClose();
      void navigate(`/rumah/${house.id}`);
    },
  });
  const options: Choice[] = source === 'registry'
    ? (candidates.data?.items ?? []).map((c) => ({ familyId: c.familyId, label: `${c.headName ?? '?'} — ${c.villageName ?? ''} · ${t('renovation.score')} ${c.registryScore}` }))
    : q ? (families.data?.items ?? []).map((f) => ({ familyId: f.id, label: `${f.headName ?? '?'} — ${f.villageName}, ${f.kecamatanName}` })) : [];

  return (
    <Stack gap="sm">
      <Tabs value={source} onChange={(value) => { setSource(value === 'village' ? 'village' : 'registry'); setChoice(null); }}>
        <Tabs.List grow>
          <Tabs.Tab value="registry">{t('renovation.propose.fromRegistry')}</Tabs.Tab>
          <Tabs.Tab value="village">{t('renovation.propose.fromVillage')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {source === 'registry'
        ? <Text size="sm" c="dimmed">{t('renovation.propose.registryHint')}</Text>
        : <SearchInput label={t('renovation.propose.findFamily')} placeholder={t('renovation.propose.findPlaceholder')} value={q} onChange={setQ} />}
      <Radio.Group value={choice?.familyId ?? ''} onChange={(id) => setChoice(options.find((o) => o.familyId === id) ?? null)} label={t('renovation.family')}>
        <Stack gap={6} mt={6}>
          {options.length === 0 && <Text size="sm" c="dimmed">{t('common.nothingFound')}</Text>}
          {options.map((option) => (
            <Card key={option.familyId} withBorder padding="xs"><Radio value={option.familyId} label={option.label} /></Card>
          ))}
        </Stack>
      </Radio.Group>
      <TextInput label={t('renovation.propose.proposer')} placeholder={t('renovation.propose.proposerPlaceholder')} value={proposer} onChange={(e) => setProposer(e.currentTarget.value)} />
      <Textarea label={t('renovation.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
      {save.error && <Alert color="red">{save.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
        <Button disabled={!choice} loading={save.isPending} onClick={() => save.mutate()}>{t('renovation.propose.submit')}</Button>
      </Group>
    </Stack>
  );
}
