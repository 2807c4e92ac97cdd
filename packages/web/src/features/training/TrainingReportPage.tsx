import { BarChart } from '@mantine/charts';
import { Anchor, Group, NativeSelect, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { TrainingRateRow } from '@sinergi/domain';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAgencies } from '../agencies/api.ts';
import { useCourses, useTrainingReport } from './api.ts';

const percent = (value: number | null) => (value === null ? '–' : `${value.toLocaleString('id-ID')}%`);

/** Completion and placement rates by target group, course and cohort, and the employers of graduates. */
export default function TrainingReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const params = useListParams();
  const agencies = useAgencies();
  const courses = useCourses({ pageSize: 200, agencyId: params.get('agencyId') || undefined });
  const report = useTrainingReport({ agencyId: params.get('agencyId') || undefined, courseId: params.get('courseId') || undefined });
  const back = <Anchor component={Link} to="/pelatihan" fz="sm"><Group gap={4}><IconArrowLeft size={14} aria-hidden />{t('training.back')}</Group></Anchor>;
  const data = report.data;
  return (
    <>
      <PageHeader above={back} title={t('training.report.title')} description={t('training.report.description')} />
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('training.course.agency')}
            value={params.get('agencyId')}
            onChange={(event) => params.set({ agencyId: event.currentTarget.value, courseId: null })}
            data={[{ value: '', label: t('training.report.allAgencies') }, ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.shortName }))]}
          />
          <NativeSelect
            label={t('training.cohort.course')}
            value={params.get('courseId')}
            onChange={(event) => params.set({ courseId: event.currentTarget.value })}
            data={[{ value: '', label: t('training.report.allCourses') }, ...(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          />
        </SimpleGrid>
      </Paper>
      {report.error && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {!data && !report.error && <Skeleton height={320} aria-label={t('common.loading')} />}
      {data && data.total.enrolled === 0 && <EmptyState title={t('training.report.empty')} />}
      {data && data.total.enrolled > 0 && (
        <Stack>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {([
              ['enrolled', format.number(data.total.enrolled)],
              ['completed', format.number(data.total.completed)],
              ['completionRate', percent(data.total.completionRate)],
              ['placementRate', percent(data.total.placementRate)],
            ] as const).map(([key, value]) => (
              <Paper key={key} withBorder radius="md" p="md">
                <Text size="sm" c="dimmed">{t(`training.report.${key}`)}</Text>
                <Text fz={28} fw={700}>{value}</Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Text c="dimmed" size="sm">{t('training.report.followUpStates', data.followUps)}</Text>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="h4" mb="sm">{t('training.report.chart')}</Title>
            <BarChart
              h={260}
              data={data.byGroup.map((row) => ({ group: row.label, completion: row.completionRate ?? 0, placement: row.placementRate ?? 0 }))}
              dataKey="group"
              series={[{ name: 'completion', label: t('training.report.completionRate'), color: 'teal.6' }, { name: 'placement', label: t('training.report.placementRate'), color: 'blue.6' }]}
              withLegend
              yAxisProps={{ domain: [0, 100] }}
              valueFormatter={(value) => `${value}%`}
            />
          </Paper>
          <RateTable title={t('training.report.byGroup')} rows={data.byGroup} />
          <RateTable title={t('training.report.byCourse')} rows={data.byCourse} />
          <RateTable title={t('training.report.byCohort')} rows={data.byCohort} link={(key) => `/pelatihan/angkatan/${key}`} />
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="h4" mb="sm">{t('training.report.employers')}</Title>
            {data.employers.length === 0 ? <Text c="dimmed">{t('training.report.noEmployers')}</Text> : (
              <Table striped>
                <Table.Thead><Table.Tr><Table.Th>{t('training.report.employer')}</Table.Th><Table.Th ta="right">{t('training.report.graduates')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {data.employers.map((e) => <Table.Tr key={e.partnerId ?? e.name}><Table.Td>{e.name}</Table.Td><Table.Td ta="right">{format.number(e.graduates)}</Table.Td></Table.Tr>)}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}

const COLUMNS = ['enrolled', 'finished', 'completed', 'completionRate', 'followedUp', 'working', 'ownBusiness', 'notWorking', 'placementRate'] as const;

function RateTable({ title, rows, link }: { title: string; rows: TrainingRateRow[]; link?: (key: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="h4" mb="sm">{title}</Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th><VisuallyHidden>{title}</VisuallyHidden></Table.Th>
              {COLUMNS.map((column) => <Table.Th key={column} ta="right">{t(`training.report.${column}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{link ? <Anchor component={Link} to={link(row.key)}>{row.label}</Anchor> : row.label}</Table.Td>
                {COLUMNS.map((column) => {
                  const value = row[column];
                  return <Table.Td key={column} ta="right">{column.endsWith('Rate') ? percent(value) : format.number(value ?? 0)}</Table.Td>;
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
