import { Badge, Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { TRAINING_TARGET_GROUP_LABELS, TrainingTargetGroup, type TrainingCandidate } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { useLocalText } from '../programs/local-text.ts';
import { addParticipant, trainingQueryKey, useCandidates } from './api.ts';

const GROUPS = ['inmate', 'disability', 'business_family'] as const;

/** Search the registry (name or NIK, optionally one target group) and add people one after another. */
export function AddParticipantModal({ cohortId, opened, onClose }: { cohortId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [group, setGroup] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const groupFilter = TrainingTargetGroup.exclude(['other']).safeParse(group).data;
  const enabled = opened && (debounced.length >= 3 || groupFilter !== undefined);
  const candidates = useCandidates(cohortId, { q: debounced.length >= 3 ? debounced : undefined, group: groupFilter, limit: 20 }, enabled);
  const add = useMutation({
    mutationFn: (candidate: TrainingCandidate) => addParticipant(cohortId, { memberId: candidate.memberId, targetGroup: candidate.suggestedGroup }),
    onSuccess: async (added) => {
      notifySuccess(t('training.participant.added', { name: added.name }));
      await queryClient.invalidateQueries({ queryKey: trainingQueryKey });
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('training.participant.add')} size="lg" centered>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('training.participant.searchLabel')} placeholder={t('training.participant.searchPlaceholder')} value={q} onChange={(event) => setQ(event.currentTarget.value)} data-autofocus />
          <NativeSelect
            label={t('training.participant.groupFilter')}
            value={group}
            onChange={(event) => setGroup(event.currentTarget.value)}
            data={[{ value: '', label: t('training.participant.anyGroup') }, ...GROUPS.map((value) => ({ value, label: text(TRAINING_TARGET_GROUP_LABELS[value]) }))]}
          />
        </SimpleGrid>
        {enabled && candidates.data?.length === 0 && <Text c="dimmed">{t('training.participant.noCandidates')}</Text>}
        {(enabled ? candidates.data ?? [] : []).map((candidate) => (
          <Paper key={candidate.memberId} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text fw={600}>{candidate.name}</Text>
                <Text size="xs" c="dimmed">{candidate.nik} · {candidate.birthDate ?? '–'} · {[candidate.villageName, candidate.kecamatanName].filter(Boolean).join(', ')}</Text>
                <Group gap={4} mt={4}>
                  {candidate.groups.map((g) => <Badge key={g} size="sm" variant="light">{text(TRAINING_TARGET_GROUP_LABELS[g])}</Badge>)}
                </Group>
              </div>
              {candidate.enrolled
                ? <Badge color="teal" variant="light">{t('training.participant.enrolled')}</Badge>
                : <Button size="sm" loading={add.isPending && add.variables.memberId === candidate.memberId} onClick={() => add.mutate(candidate)}>{t('training.participant.addThis')}</Button>}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Modal>
  );
}
