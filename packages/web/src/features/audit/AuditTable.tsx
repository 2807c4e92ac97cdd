import { ActionIcon, Anchor, Badge, Code, Modal, Table, Text, Tooltip } from '@mantine/core';
import { isAuditEntity, type AuditEntry } from '@sinergi/domain';
import { IconFileDescription } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';

const ACTION_COLORS: Record<string, string> = {
  create: 'teal', update: 'blue', delete: 'red', view: 'gray', export: 'orange', unmask: 'orange',
  login: 'cyan', login_failed: 'red', logout: 'gray', disable: 'red', enable: 'teal',
};

function hasDetails(details: unknown): boolean {
  if (details === null || details === undefined) return false;
  return typeof details !== 'object' || Object.keys(details).length > 0;
}

export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const actionLabel = (action: string) => (i18n.exists(`auditActions.${action}`) ? t(`auditActions.${action}` as 'auditActions.view') : action);
  const entityLabel = (entity: string) => (isAuditEntity(entity) ? t(`auditEntities.${entity}`) : entity);

  return (
    <>
      <Table.ScrollContainer minWidth={860}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.username')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
              <Table.Th>{t('audit.entityId')}</Table.Th>
              <Table.Th>{t('audit.ip')}</Table.Th>
              <Table.Th>{t('audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.username ?? <Text span c="dimmed" fz="sm">{t('audit.system')}</Text>}</Table.Td>
                <Table.Td><Badge variant="light" color={ACTION_COLORS[entry.action] ?? 'gray'}>{actionLabel(entry.action)}</Badge></Table.Td>
                <Table.Td>{entityLabel(entry.entity)}</Table.Td>
                <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                  {entry.entity === 'family' && entry.entityId
                    ? <Anchor component={Link} to={`/keluarga/${entry.entityId}`} fz="xs" ff="monospace">{entry.entityId}</Anchor>
                    : entry.entityId ?? '–'}
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">{entry.ip ?? '–'}</Table.Td>
                <Table.Td>
                  {hasDetails(entry.details) ? (
                    <Tooltip label={t('audit.showDetails')}>
                      <ActionIcon variant="subtle" aria-label={t('audit.showDetailsOf', { id: entry.id })} onClick={() => setShown(entry)}>
                        <IconFileDescription size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  ) : '–'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('audit.detailsTitle', { id: shown?.id ?? '' })} size="lg" centered>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(shown?.details, null, 2)}</Code>
      </Modal>
    </>
  );
}
