import { Anchor, Badge, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { MEMBERSHIP_END_REASONS, RELATIONS, type MembershipEntry } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCodeLabel } from '../../i18n/labels.ts';
import { useMemberships } from './api.ts';

function OtherCard({ entry }: { entry: MembershipEntry }) {
  const { t } = useTranslation();
  const other = entry.movedTo ?? entry.movedFrom;
  if (!other) return null;
  return (
    <Text fz="xs">
      {entry.movedTo ? t('memberships.movedTo') : t('memberships.movedFrom')}{' '}
      <Anchor component={Link} to={`/keluarga/${other.id}`} fz="xs" ff="monospace">{other.noKk}</Anchor>
    </Text>
  );
}

/** Who belonged to the family card when: current members, and those who moved, died or left, with dates. */
export function MembershipPanel({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const isMobile = useIsMobile();
  const memberships = useMemberships(familyId);
  if (memberships.error) return <QueryError error={memberships.error} onRetry={() => void memberships.refetch()} />;
  if (!memberships.data) return <Skeleton height={160} radius="md" aria-label={t('common.loading')} />;
  if (memberships.data.length === 0) return <EmptyState title={t('memberships.emptyTitle')} />;
  const status = (entry: MembershipEntry) => (entry.endDate === null
    ? <Badge color="teal" variant="light">{t('memberships.current')}</Badge>
    : <Badge color="gray" variant="light">{label(MEMBERSHIP_END_REASONS, entry.endReason) ?? t('memberships.ended')}</Badge>);
  const period = (entry: MembershipEntry) => t(entry.endDate ? 'memberships.period' : 'memberships.since', { from: format.date(entry.startDate), to: entry.endDate ? format.date(entry.endDate) : '' });

  if (isMobile) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {memberships.data.map((entry) => (
          <Paper key={entry.id} component="li" withBorder p="sm" radius="md">
            <Text fw={600} fz="sm">{entry.memberName}</Text>
            <Text fz="xs" ff="monospace">{entry.nik}</Text>
            <Text fz="xs" c="dimmed">{label(RELATIONS, entry.relation) ?? '–'} · {period(entry)}</Text>
            {status(entry)}
            <OtherCard entry={entry} />
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Caption>{t('memberships.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.name')}</Table.Th>
            <Table.Th>{t('members.nik')}</Table.Th>
            <Table.Th>{t('members.relation')}</Table.Th>
            <Table.Th>{t('memberships.periodHeader')}</Table.Th>
            <Table.Th>{t('memberships.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {memberships.data.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Th scope="row" fw={600}>{entry.memberName}</Table.Th>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{entry.nik}</Table.Td>
              <Table.Td>{label(RELATIONS, entry.relation) ?? '–'}</Table.Td>
              <Table.Td>{period(entry)}</Table.Td>
              <Table.Td>{status(entry)}<OtherCard entry={entry} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
