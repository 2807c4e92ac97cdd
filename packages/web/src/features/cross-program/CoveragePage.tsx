import { Group, Paper, Select, Tabs } from '@mantine/core';
import { IconChartBar, IconCircleOff, IconGitMerge, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AreaTrail, useAreaHref, useAreaTrailOf } from '../../components/AreaTrail.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { regionDepth } from '../../components/regions.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useSession } from '../auth/session.ts';
import type { CoverageFilters } from './api.ts';
import { ApproachesPanel } from './ApproachesPanel.tsx';
import { CombinationsPanel } from './CombinationsPanel.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { UntouchedPanel } from './UntouchedPanel.tsx';

const TABS = ['kombinasi', 'belum-tersentuh', 'bermasalah', 'pendekatan'] as const;
type Tab = (typeof TABS)[number];

/** Years offered: this year and the four before it. */
function recentYears(): number[] {
  const year = new Date().getFullYear();
  return [year, year - 1, year - 2, year - 3, year - 4];
}

/** Lintas program: Bappeda's view across every agency's programs, with one year and region filter for all four views. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const params = useListParams();
  const me = useSession();
  const yearParam = params.get('tahun');
  const filters: CoverageFilters = {
    year: yearParam === 'semua' ? null : Number(yearParam) || new Date().getFullYear(),
    region: params.get('wilayah') || null,
  };
  // A province installation breaks its views down per kabupaten/kota first and drills down through `wilayah`.
  const province = regionDepth(me.jurisdiction.code) === 1;
  const trail = useAreaTrailOf(filters.region);
  const areaHref = useAreaHref('wilayah');
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab')) ? (params.get('tab') as Tab) : 'kombinasi';
  const years = [{ value: 'semua', label: t('coverage.filters.allYears') }, ...recentYears().map((year) => ({ value: String(year), label: String(year) }))];

  return (
    <>
      <PageHeader title={t('coverage.title')} description={t('coverage.description')} />
      <Paper withBorder p="md" radius="md" mb="md">
        <Group align="flex-end" wrap="wrap" gap="md">
          <Select
            label={t('coverage.filters.year')}
            description={t('coverage.filters.yearHint')}
            data={years}
            value={filters.year === null ? 'semua' : String(filters.year)}
            onChange={(value) => params.set({ tahun: value === String(new Date().getFullYear()) ? null : value })}
            allowDeselect={false}
            w={200}
          />
          <RegionPicker label={t('coverage.filters.region')} value={filters.region} onChange={(code) => params.set({ wilayah: code })} />
        </Group>
      </Paper>
      {province && trail && <AreaTrail parents={trail.parents} area={trail.area} href={areaHref} />}
      <Tabs value={tab} onChange={(value) => params.set({ tab: value === 'kombinasi' ? null : value })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="kombinasi" leftSection={<IconUsersGroup size={16} aria-hidden />}>{t('coverage.tabs.combinations')}</Tabs.Tab>
          <Tabs.Tab value="belum-tersentuh" leftSection={<IconCircleOff size={16} aria-hidden />}>{t('coverage.tabs.untouched')}</Tabs.Tab>
          <Tabs.Tab value="bermasalah" leftSection={<IconGitMerge size={16} aria-hidden />}>{t('coverage.tabs.conflicts')}</Tabs.Tab>
          <Tabs.Tab value="pendekatan" leftSection={<IconChartBar size={16} aria-hidden />}>{t('coverage.tabs.approaches')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="kombinasi"><CombinationsPanel filters={filters} /></Tabs.Panel>
        <Tabs.Panel value="belum-tersentuh"><UntouchedPanel filters={filters} /></Tabs.Panel>
        <Tabs.Panel value="bermasalah"><ConflictsPanel filters={filters} /></Tabs.Panel>
        <Tabs.Panel value="pendekatan"><ApproachesPanel filters={filters} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
