import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { PATHWAY_STAGE_LABELS, PATHWAY_STAGE_MEANINGS, PATHWAY_STAGES, type PathwayCounts } from '@sinergi/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useLocalText } from '../programs/local-text.ts';
import { usePathwayCounts } from './api.ts';
import { CriteriaSection } from './CriteriaSection.tsx';
import { STAGE_COLORS } from './stages.ts';

type Grouping = 'kecamatan' | 'agency';

/** Leaders' page: how many families stand at each stage of the way out, by kecamatan or by the agency that put them there. */
export default function PathwaysPage() {
  const { t } = useTranslation();
  const [by, setBy] = useState<Grouping>('kecamatan');
  const [region, setRegion] = useState<string | null>(null);
  const counts = usePathwayCounts({ by, ...(region ? { region } : {}) });
  return (
    <>
      <PageHeader title={t('pathways.title')} description={t('pathways.description')} />
      <Stack gap="lg">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl value={by} onChange={(value) => setBy(value)}
            data={[{ value: 'kecamatan', label: t('pathways.byKecamatan') }, { value: 'agency', label: t('pathways.byAgency') }]} />
          <RegionPicker value={region} onChange={setRegion} deepest={4} />
        </Group>
        {counts.error && <QueryError error={counts.error} onRetry={() => void counts.refetch()} />}
        {counts.isPending && <Skeleton height={320} aria-label={t('common.loading')} />}
        {counts.data && (counts.data.totals.total === 0
          ? <EmptyState title={t('pathways.emptyTitle')} message={t('pathways.emptyMessage')} />
          : <CountsView counts={counts.data} />)}
        <CriteriaSection />
      </Stack>
    </>
  );
}

function CountsView({ counts }: { counts: PathwayCounts }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const nameOf = (name: string, key: string | null) => (key === null ? t('pathways.noAgency') : name);
  const series = PATHWAY_STAGES.map((stage) => ({ name: stage, label: local(PATHWAY_STAGE_LABELS[stage]), color: `${STAGE_COLORS[stage]}.6` }));
  const data = counts.rows.map((row) => ({ ...row, name: nameOf(row.name, row.key) }));
  return (
    <>
      <Group gap="xs" data-testid="pathway-totals">
        {PATHWAY_STAGES.map((stage) => (
          <Paper key={stage} withBorder p="sm" radius="md" miw={150} title={local(PATHWAY_STAGE_MEANINGS[stage])}>
            <Badge color={STAGE_COLORS[stage]} variant="light">{local(PATHWAY_STAGE_LABELS[stage])}</Badge>
            <Text fz="xl" fw={700}>{format.number(counts.totals[stage])}</Text>
          </Paper>
        ))}
      </Group>
      <Paper withBorder p="md" radius="md" aria-label={t('pathways.chartLabel')}>
        <BarChart h={Math.max(240, data.length * 28)} data={data} dataKey="name" type="stacked" orientation="vertical" series={series}
          withLegend valueFormatter={(value) => format.number(value)} xAxisProps={{ allowDecimals: false }} yAxisProps={{ width: 130 }} />
      </Paper>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover data-testid="pathway-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{counts.by === 'kecamatan' ? t('pathways.kecamatan') : t('pathways.agency')}</Table.Th>
                {PATHWAY_STAGES.map((stage) => <Table.Th key={stage} ta="right">{local(PATHWAY_STAGE_LABELS[stage])}</Table.Th>)}
                <Table.Th ta="right">{t('pathways.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((row) => (
                <Table.Tr key={row.key ?? 'none'}>
                  <Table.Td>{row.name}</Table.Td>
                  {PATHWAY_STAGES.map((stage) => <Table.Td key={stage} ta="right">{format.number(row[stage])}</Table.Td>)}
                  <Table.Td ta="right" fw={600}>{format.number(row.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('pathways.allFamilies')}</Table.Th>
                {PATHWAY_STAGES.map((stage) => <Table.Th key={stage} ta="right">{format.number(counts.totals[stage])}</Table.Th>)}
                <Table.Th ta="right">{format.number(counts.totals.total)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
