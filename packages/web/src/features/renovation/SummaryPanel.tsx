import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RENOVATION_FUNDING_SOURCE_LABELS, type RenovationSummary } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { AreaDrillLink } from '../../components/AreaTrail.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useLocalText } from './labels.ts';

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={26} fw={700} data-testid={testId}>{value}</Text>
    </Paper>
  );
}

/** Target against realisation: the year's numbers. */
export function SummaryStats({ summary }: { summary: RenovationSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = summary.target ? Math.min(100, (summary.completed / summary.target) * 100) : 0;
  return (
    <Stack gap="md" mb="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label={t('renovation.summary.target')} value={summary.target === null ? '–' : format.number(summary.target)} testId="renovation-target" />
        <Stat label={t('renovation.summary.completed')} value={format.number(summary.completed)} testId="renovation-completed" />
        <Stat label={t('renovation.summary.inProgress')} value={format.number(summary.byStage.in_progress)} testId="renovation-in-progress" />
        <Stat
          label={t('renovation.summary.pipeline')}
          value={format.number(summary.byStage.proposed + summary.byStage.assessed + summary.byStage.verified + summary.byStage.scheduled)}
          testId="renovation-pipeline"
        />
      </SimpleGrid>
      {summary.target !== null && (
        <div>
          <Text size="sm" mb={4}>{t('renovation.summary.realisation', { completed: format.number(summary.completed), target: format.number(summary.target), percent: format.number(Math.round(share * 10) / 10) })}</Text>
          <Progress value={share} size="lg" aria-label={t('renovation.summary.realisationLabel')} />
        </div>
      )}
    </Stack>
  );
}

/**
 * Realisation per kecamatan (in a province per kabupaten/kota first, each opening its kecamatan) against its target, and
 * what each source and partner contributed.
 */
export function SummaryCharts({ summary, href }: { summary: RenovationSummary; href: (code: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const local = useLocalText();
  const places = summary.byArea.filter((row) => row.target !== null || row.completed + row.pipeline > 0);
  const kecamatan = places.map((row) => ({ name: row.name, target: row.target ?? 0, completed: row.completed, inProgress: row.inProgress }));
  const drills = summary.byAreaLevel < 3;
  const funders = summary.byFunder.map((row) => ({
    name: row.partnerName ?? local(RENOVATION_FUNDING_SOURCE_LABELS[row.source]), money: row.byForm.money, materials: row.byForm.materials, labour: row.byForm.labour,
  }));
  return (
    <Stack gap="md" mb="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">{drills ? t('renovation.summary.byRegency') : t('renovation.summary.byKecamatan')}</Title>
          {kecamatan.length === 0 ? <Text c="dimmed">{t('common.noData')}</Text> : (
            <BarChart
              h={Math.max(220, kecamatan.length * 26)}
              data={kecamatan}
              dataKey="name"
              orientation="vertical"
              yAxisProps={{ width: 110 }}
              series={[
                { name: 'target', label: t('renovation.summary.target'), color: 'gray.4' },
                { name: 'completed', label: t('renovation.summary.completed'), color: 'green.6' },
                { name: 'inProgress', label: t('renovation.summary.inProgress'), color: 'orange.5' },
              ]}
              withLegend
            />
          )}
          {drills && (
            <Group gap="md" mt="sm">
              {places.map((row) => <AreaDrillLink key={row.code} area={row} href={href} canDrill />)}
            </Group>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">{t('renovation.summary.byFunder')}</Title>
          {funders.length === 0 ? <Text c="dimmed">{t('common.noData')}</Text> : (
            <BarChart
              h={Math.max(220, funders.length * 56)}
              data={funders}
              dataKey="name"
              type="stacked"
              orientation="vertical"
              yAxisProps={{ width: 170 }}
              valueFormatter={(value) => format.rupiah(value)}
              series={[
                { name: 'money', label: t('renovation.forms.money'), color: 'blue.6' },
                { name: 'materials', label: t('renovation.forms.materials'), color: 'teal.6' },
                { name: 'labour', label: t('renovation.forms.labour'), color: 'grape.5' },
              ]}
              withLegend
            />
          )}
          <Stack gap={2} mt="sm">
            {summary.byFunder.map((row) => (
              <Text key={`${row.source}-${row.partnerId ?? ''}`} size="sm" data-testid="renovation-funder">
                {row.partnerName ?? local(RENOVATION_FUNDING_SOURCE_LABELS[row.source])}: {t('renovation.summary.funderLine', { houses: row.houses, completed: row.completedHouses, value: format.rupiah(row.value) })}
              </Text>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
