import { Badge, Button, NativeSelect, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { TRAINING_FOLLOW_UP_STATUS_LABELS, type TrainingFollowUp } from '@sinergi/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedResult } from '../../components/PagedResult.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../auth/session.ts';
import { useLocalText } from '../programs/local-text.ts';
import { useFollowUps } from './api.ts';
import { FollowUpFormModal } from './FollowUpFormModal.tsx';

const FILTERS = ['open', 'overdue', 'scheduled', 'done', 'all'] as const;
const STATE_COLORS = { done: 'teal', scheduled: 'gray', due: 'orange', overdue: 'red' } as const;

export function FollowUpStateBadge({ state }: { state: TrainingFollowUp['state'] }) {
  const { t } = useTranslation();
  return <Badge color={STATE_COLORS[state]} variant="light">{t(`training.followUp.state_${state}`)}</Badge>;
}

/** Follow-ups of every cohort (the reminders) or of one cohort, with the form to record one. */
export function FollowUpsPanel({ cohortId }: { cohortId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useLocalText();
  const canManage = useCan('training.manage');
  const params = useListParams();
  const [state, setState] = useState<(typeof FILTERS)[number]>(cohortId ? 'all' : 'open');
  const followUps = useFollowUps({ state, cohortId, page: params.page, pageSize: params.getNumber('pageSize', 25) });
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<TrainingFollowUp | null>(null);
  const outcome = (f: TrainingFollowUp) => {
    if (!f.status) return '–';
    const parts = [text(TRAINING_FOLLOW_UP_STATUS_LABELS[f.status])];
    if (f.employerName) parts.push(f.employerName);
    if (f.monthlyTurnover !== null) parts.push(`${format.rupiah(f.monthlyTurnover)}${t('training.followUp.perMonth')}`);
    return parts.join(' · ');
  };
  return (
    <>
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <NativeSelect
          label={t('training.followUp.filter')}
          maw={320}
          value={state}
          onChange={(event) => setState(event.currentTarget.value as (typeof FILTERS)[number])}
          data={FILTERS.map((value) => ({ value, label: t(`training.followUp.filter_${value}`) }))}
        />
      </Paper>
      <PagedResult query={followUps} emptyTitle={t('training.followUp.empty')}>
        {(items) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.participant.name')}</Table.Th>
                  <Table.Th>{t('training.followUp.milestone')}</Table.Th>
                  <Table.Th>{t('training.followUp.dueOn')}</Table.Th>
                  <Table.Th>{t('training.followUp.state')}</Table.Th>
                  <Table.Th>{t('training.followUp.status')}</Table.Th>
                  {canManage && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Text fw={600}>{f.name}</Text>
                      {!cohortId && <Text size="xs" c="dimmed" component={Link} to={`/pelatihan/angkatan/${f.cohortId}`}>{f.courseName} — {f.cohortName}</Text>}
                    </Table.Td>
                    <Table.Td>{t('training.followUp.months', { months: f.milestone })}</Table.Td>
                    <Table.Td>{format.date(f.dueOn)}</Table.Td>
                    <Table.Td><FollowUpStateBadge state={f.state} /></Table.Td>
                    <Table.Td>{outcome(f)}{f.contactedOn && <Text size="xs" c="dimmed">{format.date(f.contactedOn)}</Text>}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Button size="xs" variant={f.state === 'done' ? 'subtle' : 'light'} onClick={() => { setEditing(f); open(); }}>{t('training.followUp.record')}</Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedResult>
      {canManage && <FollowUpFormModal followUp={editing} opened={opened} onClose={close} />}
    </>
  );
}
