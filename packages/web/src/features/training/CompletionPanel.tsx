import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { TrainingParticipant } from '@sinergi/domain';
import { IconCertificate, IconDownload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../api/query-client.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { completeCohort, downloadCertificate, trainingQueryKey } from './api.ts';
import { ParticipantsState, type CohortPanelProps } from './ParticipantsPanel.tsx';

function OutcomeBadge({ participant }: { participant: TrainingParticipant }) {
  const { t } = useTranslation();
  const outcome = participant.outcome ?? participant.completion.outcome;
  const label = outcome === 'completed' ? t('training.completion.completed') : t('training.completion.notCompleted');
  return <Badge color={outcome === 'completed' ? 'teal' : 'red'} variant={participant.outcome ? 'filled' : 'light'}>{label}</Badge>;
}

/** Outcomes (projected while the cohort runs, fixed once completed), the completion action and the certificates. */
export function CompletionPanel({ cohort, participants }: CohortPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);
  const complete = useMutation({
    mutationFn: () => completeCohort(cohort.id, cohort.version),
    onSuccess: async (summary) => {
      notifySuccess(t('training.completion.done', summary));
      close();
      await queryClient.invalidateQueries({ queryKey: trainingQueryKey });
    },
  });
  const download = useMutation({ mutationFn: downloadCertificate, meta: { inlineError: true }, onError: notifyError });
  return (
    <>
      {cohort.canManage && (
        <Group justify="space-between" mb="sm">
          <Text c="dimmed" size="sm">{t('training.completion.projected')}</Text>
          <Button leftSection={<IconCertificate size={16} aria-hidden />} onClick={open}>{t('training.completion.complete')}</Button>
        </Group>
      )}
      <ParticipantsState participants={participants}>
        {({ items }) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.participant.name')}</Table.Th>
                  <Table.Th ta="right">{t('training.participant.attendance')}</Table.Th>
                  <Table.Th>{t('training.completion.outcome')}</Table.Th>
                  <Table.Th>{t('training.completion.certificate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td ta="right">{p.attendancePercent ?? 0}%</Table.Td>
                    <Table.Td>
                      <OutcomeBadge participant={p} />
                      {p.completion.reasons.length > 0 && (
                        <Text size="xs" c="dimmed">{p.completion.reasons.map((reason) => t(`training.completion.reason_${reason}`)).join(', ')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.certificateNumber ? (
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm">{p.certificateNumber}</Text>
                          <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} loading={download.isPending && download.variables === p.id} onClick={() => download.mutate(p.id)}>
                            {t('training.completion.download')}
                          </Button>
                        </Group>
                      ) : '–'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ParticipantsState>
      <ConfirmModal
        opened={confirming}
        title={t('training.completion.confirmTitle')}
        message={t('training.completion.confirmMessage')}
        confirmLabel={t('training.completion.complete')}
        loading={complete.isPending}
        onConfirm={() => complete.mutate()}
        onClose={close}
      />
    </>
  );
}
