import { Paper, SegmentedControl, Stack } from '@mantine/core';
import { DUPLICATE_STATUSES, DuplicateStatus, RegionCode, type DuplicateCandidate } from '@sinergi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useCan } from '../auth/session.ts';
import { UnmaskButton } from '../families/UnmaskButton.tsx';
import { duplicatesQueryKey, useDuplicates } from './api.ts';
import { DecideModal } from './DecideModal.tsx';
import { PairCard, type PairDecision } from './PairCard.tsx';
import { ScanPanel } from './ScanPanel.tsx';

/** "Data Ganda": probable duplicate people side by side, to merge or to mark as different, with a scan to find more. */
export default function DuplicatesPage() {
  const { t } = useTranslation();
  const params = useListParams();
  const queryClient = useQueryClient();
  const isMobile = useIsMobile();
  const canDecide = useCan('registry.write');
  const canUnmask = useCan('registry.unmask');
  const [unmask, setUnmask] = useState(false);
  const [deciding, setDeciding] = useState<{ pair: DuplicateCandidate; decision: PairDecision } | null>(null);
  const status = DuplicateStatus.safeParse(params.get('status')).data ?? 'open';
  const region = RegionCode.safeParse(params.get('region')).data;
  const pairs = useDuplicates({ status, region, unmask: unmask || undefined, page: params.page, pageSize: params.getNumber('pageSize', 10) });
  const hide = () => {
    setUnmask(false);
    queryClient.removeQueries({ queryKey: [...duplicatesQueryKey, 'list'] });
  };

  return (
    <>
      <PageHeader
        title={t('duplicates.title')}
        description={t('duplicates.description')}
        actions={canUnmask && (
          <UnmaskButton unmasked={Boolean(unmask && pairs.data?.items[0]?.unmasked)} loading={unmask && pairs.isFetching} onUnmask={() => setUnmask(true)} onMask={hide} />
        )}
      />
      <ScanPanel />
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <Stack gap="sm">
          <SegmentedControl
            value={status}
            onChange={(value) => params.set({ status: value === 'open' ? null : value })}
            data={DUPLICATE_STATUSES.map((value) => ({ value, label: t(`duplicates.status.${value}`) }))}
            aria-label={t('duplicates.statusFilter')}
            fullWidth
            orientation={isMobile ? 'vertical' : 'horizontal'}
            maw={520}
          />
          <RegionPicker value={region ?? null} onChange={(code) => params.set({ region: code })} label={t('region.label')} />
        </Stack>
      </Paper>
      <PagedResult query={pairs} emptyTitle={t(`duplicates.empty.${status}`)} emptyMessage={t('duplicates.emptyMessage')} defaultPageSize={10} bare>
        {(items) => (
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((pair) => <PairCard key={pair.id} pair={pair} canDecide={canDecide} onDecide={(chosen, decision) => setDeciding({ pair: chosen, decision })} />)}
          </Stack>
        )}
      </PagedResult>
      <DecideModal pair={deciding?.pair ?? null} decision={deciding?.decision ?? 'merge'} onClose={() => setDeciding(null)} />
    </>
  );
}
