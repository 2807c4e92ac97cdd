import { Button, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import {
  ENROLMENT_REASON_LABELS, ENROLMENT_STATUS_LABELS, ENROLMENT_STATUSES, EnrolmentStatus, isDecreed, leavesPlace, type Enrolment, type Program,
} from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../api/query-client.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { TablePager } from '../../../components/TablePager.tsx';
import { useListParams } from '../../../components/useListParams.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCan } from '../../auth/session.ts';
import { replaceEnrolment, useEnrolments, useRefreshProgram } from '../api.ts';
import { useLocalText } from '../local-text.ts';
import { PostDecreeModal } from './PostDecreeModal.tsx';
import { VerifyModal } from './VerifyModal.tsx';

/** Field verification of the drawn families, and replacements from the waiting list for those who dropped out. */
export function VerificationPanel({ program }: { program: Program }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const params = useListParams();
  const canVerify = useCan('programs.verify') && program.status === 'active';
  const refresh = useRefreshProgram(program.id);
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [verifying, setVerifying] = useState<Enrolment | null>(null);
  const [changing, setChanging] = useState<Enrolment | null>(null);
  const enrolments = useEnrolments(program.id, { status: EnrolmentStatus.safeParse(status).data, q: q || undefined, page, pageSize });
  const replace = useMutation({
    mutationFn: (enrolment: Enrolment) => replaceEnrolment(program.id, enrolment.id),
    onSuccess: async ({ replacement }) => {
      notifySuccess(t('programs.verification.replaced', { name: replacement.headName ?? replacement.noKk }));
      await refresh();
    },
  });
  const canReplace = (enrolment: Enrolment) => program.canManage && program.status === 'active' && leavesPlace(enrolment.status) && !enrolment.replacedById;
  const canRecord = (enrolment: Enrolment) => canVerify && !isDecreed(enrolment.status);
  const canChangeDecreed = (enrolment: Enrolment) => program.canManage && program.status === 'active' && (enrolment.status === 'in_decree' || enrolment.status === 'served');

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('programs.status')}
            data={[{ value: '', label: t('common.all') }, ...ENROLMENT_STATUSES.map((value) => ({ value, label: local(ENROLMENT_STATUS_LABELS[value]) }))]}
            value={status}
            onChange={(event) => { setStatus(event.currentTarget.value); setPage(1); }}
          />
          <SearchInput label={t('programs.verification.search')} value={q} onChange={(value) => { setQ(value); setPage(1); }} />
        </Group>
      </Paper>
      {enrolments.error && <QueryError error={enrolments.error} onRetry={() => void enrolments.refetch()} />}
      {enrolments.data?.total === 0 && <EmptyState title={t('programs.verification.empty')} message={t('programs.verification.emptyHint')} />}
      {enrolments.data && enrolments.data.total > 0 && (
        <Paper withBorder p="md" radius="md">
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" data-testid="enrolments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('programs.targeting.rank')}</Table.Th>
                  <Table.Th>{t('programs.headName')}</Table.Th>
                  <Table.Th>{t('programs.place')}</Table.Th>
                  <Table.Th ta="right">{t('programs.desil')}</Table.Th>
                  <Table.Th>{t('programs.status')}</Table.Th>
                  <Table.Th>{t('programs.verification.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {enrolments.data.items.map((enrolment) => (
                  <Table.Tr key={enrolment.id} data-family={enrolment.familyId}>
                    <Table.Td ta="right">{enrolment.rank === null ? '–' : format.number(enrolment.rank)}</Table.Td>
                    <Table.Td>
                      <Text fw={600} fz="sm">{enrolment.headName ?? '–'}</Text>
                      <Text ff="monospace" fz="xs" c="dimmed">{enrolment.noKk}</Text>
                    </Table.Td>
                    <Table.Td fz="sm">{enrolment.villageName}, {enrolment.kecamatanName}</Table.Td>
                    <Table.Td ta="right">{enrolment.desil ?? '–'}</Table.Td>
                    <Table.Td>
                      <Text fz="sm" fw={600} c={leavesPlace(enrolment.status) ? 'red' : 'blue'}>{local(ENROLMENT_STATUS_LABELS[enrolment.status])}</Text>
                      {enrolment.reason && <Text fz="xs" c="dimmed">{local(ENROLMENT_REASON_LABELS[enrolment.reason])}{enrolment.note ? ` — ${enrolment.note}` : ''}</Text>}
                      {enrolment.source === 'replacement' && <Text fz="xs" c="dimmed">{t('programs.verification.isReplacement')}</Text>}
                      {enrolment.replacedById && <Text fz="xs" c="dimmed">{t('programs.verification.wasReplaced')}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {canRecord(enrolment) && <Button size="compact-sm" variant="light" onClick={() => setVerifying(enrolment)}>{t('programs.verification.record')}</Button>}
                        {canReplace(enrolment) && (
                          <Button size="compact-sm" variant="light" color="orange" loading={replace.isPending && replace.variables.id === enrolment.id} onClick={() => replace.mutate(enrolment)}>
                            {t('programs.verification.replace')}
                          </Button>
                        )}
                        {canChangeDecreed(enrolment) && (
                          <Button size="compact-sm" variant="light" color="red" onClick={() => setChanging(enrolment)}>
                            {t(enrolment.status === 'served' ? 'programs.postDecree.stop' : 'programs.postDecree.cancel')}
                          </Button>
                        )}
                        <Button size="compact-sm" variant="subtle" onClick={() => params.set({ keluarga: enrolment.familyId })}>{t('programs.explain.open')}</Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TablePager page={enrolments.data.page} pageSize={enrolments.data.pageSize} total={enrolments.data.total} onPage={setPage} onPageSize={(size) => { setPageSize(size); setPage(1); }} />
        </Paper>
      )}
      <VerifyModal programId={program.id} enrolment={verifying} onClose={() => setVerifying(null)} />
      <PostDecreeModal programId={program.id} enrolment={changing} onClose={() => setChanging(null)} />
    </Stack>
  );
}
