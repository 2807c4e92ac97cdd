import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import type { TrainingParticipant } from '@sinergi/domain';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { addSession, recordAttendance, trainingQueryKey } from './api.ts';
import { ParticipantsState, type CohortPanelProps } from './ParticipantsPanel.tsx';

/** The session of today, else the last one before today, else the first: what a trainer records at the end of a meeting. */
function defaultSession(sessions: CohortPanelProps['cohort']['sessions']): string {
  const today = new Date().toISOString().slice(0, 10);
  const past = sessions.filter((s) => s.date <= today);
  return (past.at(-1) ?? sessions[0])?.id ?? '';
}

/** Attendance per session as large toggles (usable on a tablet), and an overview of every session. */
export function AttendancePanel({ cohort, participants }: CohortPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [sessionId, setSessionId] = useState(() => defaultSession(cohort.sessions));
  const [newDate, setNewDate] = useState('');
  const session = cohort.sessions.find((s) => s.id === sessionId);
  const add = useMutation({
    mutationFn: () => addSession(cohort.id, newDate),
    onSuccess: async () => {
      setNewDate('');
      await queryClient.invalidateQueries({ queryKey: trainingQueryKey });
    },
  });
  if (cohort.sessions.length === 0 && !cohort.canManage) return <EmptyState title={t('training.attendance.noSessions')} />;
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        {cohort.sessions.length > 0 && (
          <NativeSelect
            label={t('training.attendance.session')}
            value={sessionId}
            onChange={(event) => setSessionId(event.currentTarget.value)}
            data={cohort.sessions.map((s, index) => ({ value: s.id, label: `${index + 1}. ${format.date(s.date)}${s.topic ? ` — ${s.topic}` : ''}` }))}
            miw={260}
          />
        )}
        {cohort.canManage && (
          <Group align="flex-end" gap="xs">
            <TextInput type="date" label={t('training.detail.sessionDate')} value={newDate} onChange={(event) => setNewDate(event.currentTarget.value)} min={cohort.startDate} max={cohort.endDate} />
            <Button variant="default" disabled={!newDate} loading={add.isPending} onClick={() => add.mutate()}>{t('training.detail.addSession')}</Button>
          </Group>
        )}
      </Group>
      <ParticipantsState participants={participants}>
        {({ items }) => (
          <>
            {session && <SessionToggles key={session.id} cohortId={cohort.id} sessionId={session.id} sessionDate={session.date} items={items.filter((p) => !p.withdrawn)} editable={cohort.canManage} />}
            <AttendanceMatrix sessions={cohort.sessions} items={items} />
          </>
        )}
      </ParticipantsState>
    </Stack>
  );
}

function SessionToggles({ cohortId, sessionId, sessionDate, items, editable }: { cohortId: string; sessionId: string; sessionDate: string; items: TrainingParticipant[]; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const initial = useMemo(() => new Set(items.filter((p) => p.presentSessionIds.includes(sessionId)).map((p) => p.id)), [items, sessionId]);
  const [present, setPresent] = useState<Set<string>>(initial);
  const toggle = (id: string) => setPresent((previous) => {
    const next = new Set(previous);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const save = useMutation({
    mutationFn: () => recordAttendance(cohortId, sessionId, { entries: items.map((p) => ({ participantId: p.id, present: present.has(p.id) })) }),
    onSuccess: async () => {
      notifySuccess(t('training.attendance.saved', { date: format.date(sessionDate) }));
      await queryClient.invalidateQueries({ queryKey: trainingQueryKey });
    },
  });
  if (items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {items.map((p) => {
          const here = present.has(p.id);
          return (
            <UnstyledButton
              key={p.id}
              onClick={() => editable && toggle(p.id)}
              disabled={!editable}
              aria-pressed={here}
              aria-label={p.name}
              p="md"
              style={{ borderRadius: 8, border: `2px solid var(--mantine-color-${here ? 'teal' : 'gray'}-5)`, background: here ? 'var(--mantine-color-teal-0)' : undefined, minHeight: 64 }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{p.name}</Text>
                <Group gap={4} wrap="nowrap" c={here ? 'teal.8' : 'gray.7'}>
                  {here ? <IconCheck size={20} aria-hidden /> : <IconX size={20} aria-hidden />}
                  <Text size="sm">{here ? t('training.attendance.present') : t('training.attendance.absent')}</Text>
                </Group>
              </Group>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      {editable && (
        <Group justify="flex-end" mt="md">
          <Button variant="default" size="md" onClick={() => setPresent(new Set(items.map((p) => p.id)))}>{t('training.attendance.allPresent')}</Button>
          <Button size="md" loading={save.isPending} onClick={() => save.mutate()}>{t('training.attendance.save')}</Button>
        </Group>
      )}
    </Paper>
  );
}

function AttendanceMatrix({ sessions, items }: { sessions: CohortPanelProps['cohort']['sessions']; items: TrainingParticipant[] }) {
  const { t } = useTranslation();
  if (sessions.length === 0 || items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="h4" mb="sm">{t('training.attendance.matrix')}</Title>
      <Table.ScrollContainer minWidth={Math.max(480, 200 + sessions.length * 44)}>
        <Table withColumnBorders fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.participant.name')}</Table.Th>
              {sessions.map((s) => <Table.Th key={s.id} ta="center">{s.date.slice(8, 10)}/{s.date.slice(5, 7)}</Table.Th>)}
              <Table.Th ta="right">%</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                {sessions.map((s) => <Table.Td key={s.id} ta="center" c={p.presentSessionIds.includes(s.id) ? 'teal.8' : 'gray.5'}>{p.presentSessionIds.includes(s.id) ? '✓' : '·'}</Table.Td>)}
                <Table.Td ta="right">{p.attendancePercent ?? 0}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
