import { Alert, Badge, Button, Group, SegmentedControl, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { TRAINING_TARGET_GROUP_LABELS, type TrainingCohort, type TrainingParticipant, type TrainingParticipantList, type TrainingParticipantUpdate } from '@sinergi/domain';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLocalText } from '../programs/local-text.ts';
import { AddParticipantModal } from './AddParticipantModal.tsx';
import { trainingQueryKey, updateParticipant } from './api.ts';

export interface CohortPanelProps {
  cohort: TrainingCohort;
  participants: UseQueryResult<TrainingParticipantList>;
}

/** The participants' list states in one place for every cohort tab. */
export function ParticipantsState({ participants, children }: { participants: UseQueryResult<TrainingParticipantList>; children: (list: TrainingParticipantList) => React.ReactNode }) {
  const { t } = useTranslation();
  if (participants.error) return <QueryError error={participants.error} onRetry={() => void participants.refetch()} />;
  if (!participants.data) return <Skeleton height={200} aria-label={t('common.loading')} />;
  return (
    <>
      {participants.data.outsideScope > 0 && <Alert color="gray" mb="sm">{t('training.detail.outsideScope', { count: participants.data.outsideScope })}</Alert>}
      {children(participants.data)}
    </>
  );
}

const passedValue = (p: TrainingParticipant) => (p.passed === null ? 'unknown' : p.passed ? 'yes' : 'no');

export function ParticipantsPanel({ cohort, participants }: CohortPanelProps) {
  const { t } = useTranslation();
  const text = useLocalText();
  const queryClient = useQueryClient();
  const [adding, { open, close }] = useDisclosure(false);
  const change = useMutation({
    mutationFn: ({ id, input }: { id: string; input: TrainingParticipantUpdate }) => updateParticipant(cohort.id, id, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trainingQueryKey }),
  });
  const editable = cohort.canManage;
  return (
    <>
      {editable && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} disabled={cohort.participants >= cohort.seats}>{t('training.participant.add')}</Button>
        </Group>
      )}
      <ParticipantsState participants={participants}>
        {({ items }) => items.length === 0 ? <EmptyState title={t('training.participant.empty')} /> : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.participant.name')}</Table.Th>
                  <Table.Th>{t('training.participant.group')}</Table.Th>
                  <Table.Th ta="right">{t('training.participant.attendance')}</Table.Th>
                  <Table.Th>{t('training.participant.passed')}</Table.Th>
                  {editable && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id} opacity={p.withdrawn ? 0.6 : 1}>
                    <Table.Td>
                      <Text fw={600} component={Link} to={`/keluarga/${p.familyId}`}>{p.name}</Text>
                      <Text size="xs" c="dimmed">{p.nik} · {[p.villageName, p.kecamatanName].filter(Boolean).join(', ')}</Text>
                      {p.referredByAgencyShortName && <Text size="xs" c="dimmed">{t('training.participant.referredBy')}: {p.referredByAgencyShortName}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {p.targetGroup ? text(TRAINING_TARGET_GROUP_LABELS[p.targetGroup]) : <Text span size="sm" c="dimmed">{t('training.participant.groupHidden')}</Text>}
                      {p.withdrawn && <Badge ml="xs" color="gray" variant="light">{t('training.participant.withdrawn')}</Badge>}
                    </Table.Td>
                    <Table.Td ta="right">{p.attended}/{cohort.sessions.length} ({p.attendancePercent ?? 0}%)</Table.Td>
                    <Table.Td>
                      {editable ? (
                        <SegmentedControl
                          size="xs"
                          value={passedValue(p)}
                          onChange={(value) => change.mutate({ id: p.id, input: { passed: value === 'unknown' ? null : value === 'yes' } })}
                          data={[
                            { value: 'unknown', label: t('training.participant.passedUnknown') },
                            { value: 'yes', label: t('training.participant.passedYes') },
                            { value: 'no', label: t('training.participant.passedNo') },
                          ]}
                        />
                      ) : t(`training.participant.${p.passed === null ? 'passedUnknown' : p.passed ? 'passedYes' : 'passedNo'}`)}
                    </Table.Td>
                    {editable && (
                      <Table.Td>
                        <Button size="xs" variant="subtle" color={p.withdrawn ? 'blue' : 'red'} onClick={() => change.mutate({ id: p.id, input: { withdrawn: !p.withdrawn } })}>
                          {p.withdrawn ? t('training.participant.reinstate') : t('training.participant.withdraw')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ParticipantsState>
      {editable && <AddParticipantModal cohortId={cohort.id} opened={adding} onClose={close} />}
    </>
  );
}
