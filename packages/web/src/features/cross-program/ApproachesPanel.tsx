import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { PROGRAM_APPROACH_LABELS, type ApproachCoverageRow, type ProgramApproach } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { AreaDrillLink, useAreaHref } from '../../components/AreaTrail.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useLocalText } from '../programs/local-text.ts';
import { useApproaches, type CoverageFilters } from './api.ts';
import { APPROACH_COLORS } from './ProgramBadges.tsx';

const KEYS: { approach: ProgramApproach; key: 'lowerSpending' | 'raiseIncome' | 'removePockets' }[] = [
  { approach: 'lower_spending', key: 'lowerSpending' },
  { approach: 'raise_income', key: 'raiseIncome' },
  { approach: 'remove_pockets', key: 'removePockets' },
];

/** Families reached by each of the three approaches, per kecamatan (in a province per kabupaten/kota first), as a chart and as the table behind it. */
export function ApproachesPanel({ filters }: { filters: CoverageFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useLocalText();
  const coverage = useApproaches(filters);
  const areaHref = useAreaHref('wilayah');
  const data = coverage.data;
  if (coverage.error && !data) return <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  if (!data) return <Skeleton height={300} aria-busy="true" />;
  if (data.byArea.length === 0) return <EmptyState title={t('coverage.approaches.empty')} />;
  const series = KEYS.map(({ approach, key }) => ({ name: key, label: text(PROGRAM_APPROACH_LABELS[approach]), color: `${APPROACH_COLORS[approach]}.6` }));
  const cells = (row: Omit<ApproachCoverageRow, 'code' | 'name'>) => [row.poorFamilies, row.lowerSpending, row.raiseIncome, row.removePockets, row.anyApproach, row.allApproaches];

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {KEYS.map(({ approach, key }) => (
          <Paper key={key} withBorder radius="md" p="md">
            <Text size="sm" c="dimmed">{text(PROGRAM_APPROACH_LABELS[approach])}</Text>
            <Text fz={28} fw={700} c={`${APPROACH_COLORS[approach]}.7`}>{format.number(data.total[key])}</Text>
            <Text size="xs" c="dimmed">{t('coverage.approaches.familiesReached')}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="h4" mb="sm">{t('coverage.approaches.chartTitle')}</Title>
        <BarChart
          h={Math.max(260, data.byArea.length * 28)}
          data={data.byArea.map((row) => ({ kecamatan: row.name, lowerSpending: row.lowerSpending, raiseIncome: row.raiseIncome, removePockets: row.removePockets }))}
          dataKey="kecamatan"
          orientation="vertical"
          yAxisProps={{ width: 110 }}
          series={series}
          withLegend
          valueFormatter={(value) => format.number(value)}
        />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{data.byAreaLevel === 3 ? t('coverage.families.kecamatan') : t(`region.level${data.byAreaLevel}` as 'region.level2')}</Table.Th>
                <Table.Th ta="right">{t('coverage.untouched.poor')}</Table.Th>
                {KEYS.map(({ approach, key }) => <Table.Th key={key} ta="right">{text(PROGRAM_APPROACH_LABELS[approach])}</Table.Th>)}
                <Table.Th ta="right">{t('coverage.approaches.any')}</Table.Th>
                <Table.Th ta="right">{t('coverage.approaches.all')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.byArea.map((row) => (
                <Table.Tr key={row.code}>
                  <Table.Td><AreaDrillLink area={row} href={areaHref} canDrill={data.byAreaLevel < 3} /></Table.Td>
                  {cells(row).map((value, index) => <Table.Td key={index} ta="right">{format.number(value)}</Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('coverage.approaches.total')}</Table.Th>
                {cells(data.total).map((value, index) => <Table.Th key={index} ta="right">{format.number(value)}</Table.Th>)}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" mt="xs">{t('coverage.approaches.note')}</Text>
      </Paper>
    </Stack>
  );
}
