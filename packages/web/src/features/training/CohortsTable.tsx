import { Anchor, Badge, Table, Text } from '@mantine/core';
import { TRAINING_PLACE_LABELS, type TrainingCohortListItem } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useLocalText } from '../programs/local-text.ts';

export function CohortStatusBadge({ status }: { status: TrainingCohortListItem['status'] }) {
  const { t } = useTranslation();
  return <Badge color={status === 'completed' ? 'teal' : 'blue'} variant="light">{t(`training.cohort.status_${status}`)}</Badge>;
}

export function CohortsTable({ items }: { items: TrainingCohortListItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useLocalText();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.cohort.name')}</Table.Th>
            <Table.Th>{t('training.cohort.placeName')}</Table.Th>
            <Table.Th>{t('training.cohort.period')}</Table.Th>
            <Table.Th ta="right">{t('training.cohort.seats')}</Table.Th>
            <Table.Th ta="right">{t('training.cohort.graduates')}</Table.Th>
            <Table.Th>{t('training.cohort.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((cohort) => (
            <Table.Tr key={cohort.id}>
              <Table.Td>
                <Anchor component={Link} to={`/pelatihan/angkatan/${cohort.id}`} fw={600}>{cohort.name}</Anchor>
                <Text size="xs" c="dimmed">{cohort.courseName} · {cohort.agencyShortName}{cohort.lpkName ? ` · ${cohort.lpkName}` : ''}</Text>
              </Table.Td>
              <Table.Td>
                {cohort.placeName}
                <Text size="xs" c="dimmed">{text(TRAINING_PLACE_LABELS[cohort.placeKind])}</Text>
              </Table.Td>
              <Table.Td>{format.date(cohort.startDate)} – {format.date(cohort.endDate)}</Table.Td>
              <Table.Td ta="right">{t('training.cohort.seatsTaken', { taken: cohort.participants, seats: cohort.seats })}</Table.Td>
              <Table.Td ta="right">{cohort.status === 'completed' ? format.number(cohort.completed) : '–'}</Table.Td>
              <Table.Td><CohortStatusBadge status={cohort.status} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
