import { Anchor, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { DashboardSummary } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';

/** Regions one level below the area: the name drills down (to village level), the count opens the family list. */
export function ByAreaTable({ rows, level }: { rows: DashboardSummary['byArea']; level: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (rows.length === 0) return <Text c="dimmed">{t('common.noData')}</Text>;
  const canDrill = level < 4;
  return (
    <Table.ScrollContainer minWidth={360} maxHeight={620}>
      <Table striped highlightOnHover stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`region.level${level}` as 'region.level3')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.families')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.poorColumn')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.poorShareColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td>
                {canDrill ? (
                  <Anchor component={Link} to={`/?wilayah=${encodeURIComponent(row.code)}`} fz="sm" aria-label={t('dashboard.drillDown', { name: row.name })}>{row.name}</Anchor>
                ) : (
                  <Text fz="sm">{row.name}</Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Anchor
                  component={Link}
                  to={`/keluarga?region=${encodeURIComponent(row.code)}`}
                  fz="sm"
                  aria-label={t('dashboard.familyList', { name: row.name, count: format.number(row.families) })}
                >
                  {format.number(row.families)}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{format.number(row.poorFamilies)}</Table.Td>
              <Table.Td ta="right">
                {row.families > 0 ? `${format.number(Math.round((row.poorFamilies / row.families) * 1000) / 10)}%` : '–'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `&region=…` for family-list links of a drilled-down area; nothing for the whole jurisdiction. */
function regionParam(area: string | null): string {
  return area ? `&region=${encodeURIComponent(area)}` : '';
}

export function ByDesilTable({ rows, total, area }: { rows: DashboardSummary['byDesil']; total: number; area: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (rows.length === 0) return <Text c="dimmed">{t('common.noData')}</Text>;
  const sorted = [...rows].sort((a, b) => (a.desil ?? 99) - (b.desil ?? 99));
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('families.desil')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.families')}</Table.Th>
            <Table.Th w="40%">{t('dashboard.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => {
            const share = total > 0 ? (row.families / total) * 100 : 0;
            return (
              <Table.Tr key={row.desil ?? 'none'}>
                <Table.Td>
                  {row.desil === null ? t('families.desilUnknown') : (
                    <Anchor component={Link} to={`/keluarga?desilMin=${row.desil}&desilMax=${row.desil}${regionParam(area)}`} fz="sm">{t('families.desilValue', { desil: row.desil })}</Anchor>
                  )}
                </Table.Td>
                <Table.Td ta="right">{format.number(row.families)}</Table.Td>
                <Table.Td>
                  <Progress
                    value={share}
                    color={row.desil !== null && row.desil <= 5 ? 'orange' : 'blue'}
                    aria-label={t('dashboard.shareOf', { desil: row.desil ?? '–', share: format.number(Math.round(share * 10) / 10) })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ByBusinessStatusList({ rows, total, area }: { rows: DashboardSummary['byBusinessStatus']; total: number; area: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const colors = { none: 'gray', active: 'teal', stalled: 'orange' } as const;
  if (rows.length === 0) return <Text c="dimmed">{t('common.noData')}</Text>;
  return (
    <Stack gap="sm">
      {rows.map((row) => {
        const share = total > 0 ? (row.families / total) * 100 : 0;
        return (
          <div key={row.status}>
            <Group justify="space-between" gap="xs">
              <Anchor component={Link} to={`/keluarga?businessStatus=${row.status}${regionParam(area)}`} fz="sm">{t(`business.${row.status}`)}</Anchor>
              <Text fz="sm">{format.number(row.families)}</Text>
            </Group>
            <Progress value={share} color={colors[row.status]} mt={4} aria-label={t('dashboard.shareOfStatus', { status: t(`business.${row.status}`), share: format.number(Math.round(share * 10) / 10) })} />
          </div>
        );
      })}
    </Stack>
  );
}
