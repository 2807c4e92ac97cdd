import { Anchor, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { RenovationListItem } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useFormat } from '../../i18n/format.ts';
import { StageBadge } from './StageBadge.tsx';

/** Houses as a table on a desk, as cards on a phone. */
export function RenovationList({ items }: { items: RenovationListItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isMobile = useIsMobile();
  const name = (item: RenovationListItem) => (
    <Anchor component={Link} to={`/rumah/${item.id}`} fw={600}>{item.headName ?? t('renovation.noHead')}</Anchor>
  );
  if (isMobile) {
    return (
      <Stack gap="sm">
        {items.map((item) => (
          <Card key={item.id} withBorder padding="sm" data-testid="renovation-row">
            <Group justify="space-between" wrap="nowrap">{name(item)}<StageBadge stage={item.stage} /></Group>
            <Text size="sm" c="dimmed">{item.villageName}, {item.kecamatanName}</Text>
            <Group justify="space-between" mt={4}>
              <Text size="sm">{t('renovation.score')}: {item.score ?? '–'}</Text>
              <Text size="sm">{format.rupiah(item.fundingTotal)}</Text>
            </Group>
            {item.stage === 'in_progress' && <Progress value={item.progress} mt={6} aria-label={t('renovation.progress')} />}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('renovation.family')}</Table.Th>
            <Table.Th>{t('renovation.place')}</Table.Th>
            <Table.Th>{t('renovation.stage')}</Table.Th>
            <Table.Th ta="right">{t('renovation.score')}</Table.Th>
            <Table.Th>{t('renovation.progress')}</Table.Th>
            <Table.Th ta="right">{t('renovation.funding')}</Table.Th>
            <Table.Th>{t('renovation.agency')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="renovation-row">
              <Table.Td>{name(item)}</Table.Td>
              <Table.Td>{item.villageName}, {item.kecamatanName}</Table.Td>
              <Table.Td><StageBadge stage={item.stage} /></Table.Td>
              <Table.Td ta="right">{item.score ?? '–'}</Table.Td>
              <Table.Td miw={120}>{item.stage === 'in_progress' || item.stage === 'completed' ? <Progress value={item.progress} aria-label={`${item.progress}%`} /> : '–'}</Table.Td>
              <Table.Td ta="right">{format.rupiah(item.fundingTotal)}</Table.Td>
              <Table.Td>{item.agencyShortName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
