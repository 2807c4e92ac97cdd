import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Button, NativeSelect, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Measures, RealisedMeasures } from '@sinergi/domain';
import { IconArrowLeft, IconHandGrab } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AreaTrail, useAreaHref } from '../../components/AreaTrail.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useProgram } from '../programs/api.ts';
import { useRealisation, useStages } from './api.ts';
import { count, percentOf, rupiah } from './format.ts';
import { AreaTable, StageTable } from './RealisationTables.tsx';

function MeasureCard({ label, realised, target, format }: { label: string; realised: number; target: number | null; format: (value: number | null) => string }) {
  const { t } = useTranslation();
  const share = percentOf(realised, target);
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz="xl" fw={700}>{format(realised)}</Text>
      <Text size="xs" c="dimmed">{target === null ? t('distribution.realisation.noTarget') : t('distribution.realisation.ofTarget', { target: format(target), share: share ?? 0 })}</Text>
      {share !== null && <Progress value={Math.min(share, 100)} mt={6} size="sm" aria-hidden />}
    </Paper>
  );
}

function Summary({ target, realised }: { target: Measures; realised: RealisedMeasures }) {
  const { t, i18n } = useTranslation();
  const n = (value: number | null) => count(value, i18n.language);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
      <MeasureCard label={t('distribution.realisation.families')} realised={realised.families} target={target.families} format={n} />
      <MeasureCard label={t('distribution.realisation.people')} realised={realised.people} target={target.people} format={n} />
      <MeasureCard label={t('distribution.realisation.money')} realised={realised.money} target={target.money} format={rupiah} />
      <MeasureCard label={t('distribution.realisation.units')} realised={realised.units} target={target.units} format={n} />
    </SimpleGrid>
  );
}

/**
 * /program/:programId/realisasi — target against realisation: totals, per region (kecamatan; in a province kabupaten/kota
 * first, `?wilayah=` drills down) and per stage, as charts and tables.
 */
export default function RealisationPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const params = useListParams();
  const stageId = params.get('tahap') || null;
  const program = useProgram(programId);
  const stages = useStages(programId);
  const realisation = useRealisation(programId, stageId, params.get('wilayah') || null);
  const areaHref = useAreaHref('wilayah');

  const error = program.error ?? realisation.error;
  if (error) return <QueryError error={error} onRetry={() => void realisation.refetch()} />;
  const data = realisation.data;
  const areaTitle = !data || data.byAreaLevel === 3 ? t('distribution.realisation.byKecamatan') : t(`region.byLevel${data.byAreaLevel}` as 'region.byLevel2');
  const kecamatanChart = (data?.byArea ?? []).map((row) => ({
    kecamatan: row.name, [t('distribution.realisation.target')]: row.target.families ?? row.decreed, [t('distribution.realisation.realised')]: row.realised.families,
  }));
  const stageChart = (data?.byStage ?? []).map((row) => ({
    stage: `${row.number}. ${row.name}`, [t('distribution.realisation.target')]: row.target.money ?? 0, [t('distribution.realisation.realised')]: row.realised.money,
  }));
  const series = [{ name: t('distribution.realisation.target'), color: 'gray.4' }, { name: t('distribution.realisation.realised'), color: 'teal.6' }];
  return (
    <>
      <PageHeader
        title={t('distribution.realisation.title')}
        description={program.data ? t('distribution.realisation.description', { program: program.data.name }) : undefined}
        above={<Anchor component={Link} to={`/program/${programId}`} size="sm"><IconArrowLeft size={14} aria-hidden /> {t('distribution.backToProgram')}</Anchor>}
        actions={<Button component={Link} to={`/program/${programId}/penyaluran`} variant="light" leftSection={<IconHandGrab size={16} aria-hidden />}>{t('distribution.title')}</Button>}
      />
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <NativeSelect
          label={t('distribution.realisation.stageFilter')}
          value={stageId ?? ''}
          onChange={(event) => params.set({ tahap: event.currentTarget.value })}
          data={[{ value: '', label: t('distribution.realisation.wholeProgram') }, ...(stages.data ?? []).map((s) => ({ value: s.id, label: `${s.number}. ${s.name}` }))]}
          maw={420}
        />
        {data?.scope === 'limited' && <Text size="xs" c="dimmed" mt="xs">{t('distribution.realisation.limitedScope')}</Text>}
      </Paper>
      {!data ? <Skeleton height={320} /> : (
        <Stack gap="md">
          <AreaTrail parents={data.parents} area={data.area} href={areaHref} />
          <Summary target={data.target} realised={data.realised} />
          {data.byArea.length === 0 ? <EmptyState title={t('distribution.realisation.empty')} message={t('distribution.realisation.emptyHint')} /> : (
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="by-kecamatan">
              <Title order={2} size="h4" id="by-kecamatan" mb="sm">{areaTitle}</Title>
              <BarChart h={Math.max(240, kecamatanChart.length * 28)} data={kecamatanChart} dataKey="kecamatan" orientation="vertical" series={series} yAxisProps={{ width: data.byAreaLevel === 3 ? 110 : 150 }} withLegend />
              <AreaTable rows={data.byArea} level={data.byAreaLevel} title={areaTitle} href={areaHref} />
            </Paper>
          )}
          {data.byStage.length > 0 && (
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="by-stage">
              <Title order={2} size="h4" id="by-stage" mb="sm">{t('distribution.realisation.byStage')}</Title>
              <BarChart h={260} data={stageChart} dataKey="stage" series={series} valueFormatter={(value) => rupiah(value)} withLegend />
              <StageTable rows={data.byStage} />
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
