import { Badge, Button, Paper, Skeleton, Stack, Table, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { AGENCY_KIND_NAMES, type Agency } from '@sinergi/domain';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditButton } from '../../components/EditButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCodeLabel } from '../../i18n/labels.ts';
import { useCan } from '../auth/session.ts';
import { useAgencies } from './api.ts';
import { AgencyFormModal } from './AgencyFormModal.tsx';

export default function AgenciesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const canManage = useCan('agencies.manage');
  const agencies = useAgencies();
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Agency | null>(null);
  const startEdit = (agency: Agency | null) => {
    setEditing(agency);
    open();
  };

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.description')}
        actions={canManage && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => startEdit(null)}>{t('agencies.create')}</Button>}
      />
      {agencies.error && <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.isPending && <Stack gap="xs" aria-label={t('common.loading')}>{[0, 1, 2, 3].map((i) => <Skeleton key={i} height={44} />)}</Stack>}
      {agencies.data && (agencies.data.length === 0 ? (
        <EmptyState title={t('agencies.emptyTitle')} />
      ) : (
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          <Table.ScrollContainer minWidth={560}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agencies.name')}</Table.Th>
                  <Table.Th>{t('agencies.shortName')}</Table.Th>
                  <Table.Th>{t('agencies.kind')}</Table.Th>
                  <Table.Th ta="right">{t('agencies.userCount')}</Table.Th>
                  {canManage && <Table.Th w={60}><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agencies.data.map((agency) => (
                  <Table.Tr key={agency.id}>
                    <Table.Td fw={600}>{agency.name}</Table.Td>
                    <Table.Td><Badge variant="light">{agency.shortName}</Badge></Table.Td>
                    <Table.Td>{label(AGENCY_KIND_NAMES, agency.kind)}</Table.Td>
                    <Table.Td ta="right">{format.number(agency.userCount)}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <EditButton label={t('agencies.editNamed', { name: agency.shortName })} onClick={() => startEdit(agency)} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      {canManage && <AgencyFormModal agency={editing} opened={opened} onClose={close} />}
    </>
  );
}
