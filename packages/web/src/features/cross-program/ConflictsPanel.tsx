import { ActionIcon, Badge, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { PROGRAM_KIND_LABELS, type ConflictCount } from '@sinergi/domain';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../auth/session.ts';
import { useLocalText } from '../programs/local-text.ts';
import { coverageKey, deleteConflictRule, useConflictFamilies, useConflicts, type CoverageFilters, type PageRequest } from './api.ts';
import { ConflictRuleForm } from './ConflictRuleForm.tsx';
import { CoverageFamilyList } from './CoverageFamilyList.tsx';

/** Families that received two programs that should not be combined, per configured pair of program kinds. */
export function ConflictsPanel({ filters }: { filters: CoverageFilters }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const format = useFormat();
  const queryClient = useQueryClient();
  const canManage = useCan('coverage.manage');
  const conflicts = useConflicts(filters);
  const [chosen, setChosen] = useState<ConflictCount | null>(null);
  const [removing, setRemoving] = useState<ConflictCount | null>(null);
  const [page, setPage] = useState<PageRequest>({ page: 1, pageSize: 25 });
  const families = useConflictFamilies(filters, chosen?.id ?? null, page);
  const remove = useMutation({
    mutationFn: (id: string) => deleteConflictRule(id),
    onSuccess: async () => {
      notifySuccess(t('coverage.conflicts.removed'));
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: coverageKey });
    },
  });
  const pair = (rule: ConflictCount) => `${text(PROGRAM_KIND_LABELS[rule.kindA])} + ${text(PROGRAM_KIND_LABELS[rule.kindB])}`;

  if (conflicts.error && !conflicts.data) return <QueryError error={conflicts.error} onRetry={() => void conflicts.refetch()} />;
  if (!conflicts.data) return <Skeleton height={200} aria-busy="true" />;
  return (
    <Stack>
      <Text>{t('coverage.conflicts.intro')}</Text>
      {conflicts.data.length === 0 ? <EmptyState title={t('coverage.conflicts.noRules')} /> : (
        <Paper withBorder radius="md" p="md">
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('coverage.conflicts.pair')}</Table.Th>
                  <Table.Th>{t('coverage.conflicts.period')}</Table.Th>
                  <Table.Th>{t('coverage.conflicts.note')}</Table.Th>
                  <Table.Th ta="right">{t('coverage.combinations.families')}</Table.Th>
                  {canManage && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflicts.data.map((rule) => (
                  <Table.Tr key={rule.id}>
                    <Table.Td fw={600}>{pair(rule)}</Table.Td>
                    <Table.Td><Badge variant="light" tt="none">{t(`coverage.conflicts.periods.${rule.period}`)}</Badge></Table.Td>
                    <Table.Td><Text size="sm">{rule.note ?? ''}</Text></Table.Td>
                    <Table.Td ta="right">
                      <Button variant="subtle" size="compact-sm" color={rule.families > 0 ? 'red' : 'gray'} disabled={rule.families === 0}
                        onClick={() => { setPage({ page: 1, pageSize: 25 }); setChosen(rule); }}>
                        {format.number(rule.families)}
                      </Button>
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Tooltip label={t('coverage.conflicts.remove')}>
                          <ActionIcon variant="subtle" color="red" aria-label={t('coverage.conflicts.remove')} onClick={() => setRemoving(rule)}><IconTrash size={16} /></ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {canManage && <ConflictRuleForm />}
      <Modal opened={chosen !== null} onClose={() => setChosen(null)} size="xl" title={chosen ? pair(chosen) : ''}>
        <Stack>
          <Text size="sm" c="dimmed">{t('coverage.families.auditNote')}</Text>
          <CoverageFamilyList
            query={families}
            page={page}
            onPage={setPage}
            emptyTitle={t('coverage.families.empty')}
            extra={{
              header: t('coverage.conflicts.programs'),
              cell: (family) => (
                <Group gap={4}>
                  {family.programs.map((program) => (
                    <Badge key={program.id} variant="light" color="red" tt="none">{program.name}{program.receivedOn ? ` · ${format.date(program.receivedOn)}` : ''}</Badge>
                  ))}
                </Group>
              ),
            }}
          />
        </Stack>
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('coverage.conflicts.remove')}
        message={removing ? t('coverage.conflicts.removeConfirm', { pair: pair(removing) }) : ''}
        confirmLabel={t('coverage.conflicts.remove')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
