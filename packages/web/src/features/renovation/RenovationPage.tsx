import { Button, NativeSelect, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { RENOVATION_STAGE_LABELS, RENOVATION_STAGES, RenovationStage } from '@sinergi/domain';
import { IconDownload, IconPlus, IconTarget } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { downloadFile } from '../../api/download.ts';
import { useTranslation } from 'react-i18next';
import { AreaTrail, useAreaHref } from '../../components/AreaTrail.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { regionAtLevel, regionDepth } from '../../components/regions.ts';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useCan, useSession } from '../auth/session.ts';
import { useRenovations, useRenovationSummary } from './api.ts';
import { CURRENT_YEAR, useLocalText } from './labels.ts';
import { ProposeModal } from './ProposeModal.tsx';
import { RenovationList } from './RenovationList.tsx';
import { SummaryCharts, SummaryStats } from './SummaryPanel.tsx';
import { TargetModal } from './TargetModal.tsx';

const YEARS = [CURRENT_YEAR + 1, CURRENT_YEAR, CURRENT_YEAR - 1, CURRENT_YEAR - 2].map(String);

/** /rumah: the renovation pipeline by stage, target against realisation, and the list of houses. */
export default function RenovationPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const me = useSession();
  const canManage = useCan('renovation.manage');
  const params = useListParams();
  const year = params.getNumber('year', CURRENT_YEAR);
  const region = params.get('region') || null;
  const stage = RenovationStage.safeParse(params.get('stage')).data;
  // A province's summary starts per kabupaten/kota and drills down as an area; a regency's narrows to a kecamatan as before.
  const province = regionDepth(me.jurisdiction.code) === 1;
  const summaryPlace = province
    ? { area: regionAtLevel(region, Math.min(region ? regionDepth(region) : 1, 3)) ?? undefined }
    : { kecamatanCode: region ?? undefined };
  const summary = useRenovationSummary(year, summaryPlace);
  const regionHref = useAreaHref('region');
  const houses = useRenovations({
    year, stage, q: params.get('q') || undefined, page: params.page, pageSize: params.getNumber('pageSize', 25),
    kecamatanCode: region && region.split('.').length === 3 ? region : undefined,
    villageCode: region && region.split('.').length === 4 ? region : undefined,
    area: region && region.split('.').length === 2 ? region : undefined,
  });
  const [proposing, propose] = useDisclosure(false);
  const [targeting, target] = useDisclosure(false);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      const place = province ? { area: summaryPlace.area } : { kecamatanCode: region?.slice(0, 8) };
      await downloadFile('/renovations/report', { year, ...place }, `bedah-rumah-${year}.xlsx`);
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setDownloading(false);
    }
  };
  const count = (s: RenovationStage) => summary.data?.byStage[s] ?? 0;
  const isMobile = useIsMobile();
  const stageOptions = [{ value: '', label: t('common.all') }, ...RENOVATION_STAGES.map((s) => ({ value: s, label: `${local(RENOVATION_STAGE_LABELS[s])} (${count(s)})` }))];

  return (
    <>
      <PageHeader
        title={t('renovation.title')}
        description={t('renovation.description')}
        actions={(
          <>
            <Button variant="default" loading={downloading} leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download()}>{t('renovation.report')}</Button>
            {canManage && me.scopeCodes.length === 0 && <Button variant="default" leftSection={<IconTarget size={16} aria-hidden />} onClick={target.open}>{t('renovation.target.button')}</Button>}
            {canManage && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={propose.open}>{t('renovation.propose.button')}</Button>}
          </>
        )}
      />
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect label={t('renovation.year')} value={String(year)} onChange={(event) => params.set({ year: event.currentTarget.value })} data={YEARS} />
            <SearchInput label={t('common.search')} placeholder={t('renovation.searchPlaceholder')} value={params.get('q')} onChange={(q) => params.set({ q })} />
            <RegionPicker value={region} onChange={(code) => params.set({ region: code })} deepest={4} label={t('renovation.place')} layout="stack" />
          </SimpleGrid>
          {isMobile ? (
            <NativeSelect label={t('renovation.stage')} value={stage ?? ''} onChange={(event) => params.set({ stage: event.currentTarget.value })} data={stageOptions} />
          ) : (
            <SegmentedControl value={stage ?? ''} onChange={(value) => params.set({ stage: value })} aria-label={t('renovation.stage')} data={stageOptions} />
          )}
        </Stack>
      </Paper>
      {summary.error && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && <AreaTrail parents={summary.data.parents} area={summary.data.area} href={regionHref} />}
      {summary.isPending ? <Skeleton height={200} mb="md" /> : summary.data && <SummaryStats summary={summary.data} />}
      {!isMobile && summary.data && <SummaryCharts summary={summary.data} href={regionHref} />}
      <PagedResult query={houses} emptyTitle={t('renovation.empty')}>
        {(items) => <RenovationList items={items} />}
      </PagedResult>
      {/* On a phone the houses come first; the charts are for the desk. */}
      {isMobile && summary.data && <Stack mt="md"><SummaryCharts summary={summary.data} href={regionHref} /></Stack>}
      {canManage && <ProposeModal opened={proposing} onClose={propose.close} year={year} />}
      {canManage && <TargetModal opened={targeting} onClose={target.close} year={year} />}
    </>
  );
}
