import { Badge, Checkbox, NativeSelect, Paper, SimpleGrid, Tabs } from '@mantine/core';
import { REFERRAL_STATUSES, ReferralBox, ReferralStatus } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useSession } from '../auth/session.ts';
import { useReferralCounts, useReferrals } from './api.ts';
import { useReferralLabels } from './labels.ts';
import { ReferralList } from './ReferralList.tsx';

/** The agency's referral inbox: received (masuk), sent (keluar), overdue (terlambat), and for leaders all of them. */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const params = useListParams();
  const me = useSession();
  // Leaders and admins oversee every agency: Bappeda's overdue list is their first view.
  const oversees = me.role === 'admin' || me.role === 'pimpinan';
  const box = ReferralBox.safeParse(params.get('box')).data ?? (oversees ? 'overdue' : 'received');
  const status = ReferralStatus.safeParse(params.get('status')).data;
  const overdueOnly = params.get('overdue') === 'true';
  const region = params.get('region') || null;
  const counts = useReferralCounts();
  const referrals = useReferrals({
    box, status, overdue: overdueOnly && box !== 'overdue' ? 'true' : undefined, region: region ?? undefined,
    page: params.page, pageSize: params.getNumber('pageSize', 25),
  });
  const count = (value: number | undefined, color = 'gray') => (value ? <Badge size="sm" color={color} variant="light" circle={value < 10}>{value}</Badge> : null);

  return (
    <>
      <PageHeader title={t('referrals.title')} description={t('referrals.description')} />
      <Tabs value={box} onChange={(value) => params.set({ box: value, status: null })} mb="md">
        <Tabs.List>
          <Tabs.Tab value="received" rightSection={count(counts.data?.receivedOpen, 'blue')}>{t('referrals.box.received')}</Tabs.Tab>
          <Tabs.Tab value="sent">{t('referrals.box.sent')}</Tabs.Tab>
          <Tabs.Tab value="overdue" rightSection={count(counts.data?.overdue, 'red')}>{t('referrals.box.overdue')}</Tabs.Tab>
          {oversees && <Tabs.Tab value="all">{t('referrals.box.all')}</Tabs.Tab>}
        </Tabs.List>
      </Tabs>
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('referrals.status')}
            value={status ?? ''}
            onChange={(event) => params.set({ status: event.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...REFERRAL_STATUSES.map((value) => ({ value, label: labels.status(value) }))]}
          />
          <RegionPicker label={t('referrals.region')} value={region} deepest={3} onChange={(code) => params.set({ region: code })} layout="stack" />
          {box !== 'overdue' && (
            <Checkbox mt={{ sm: 'xl' }} label={t('referrals.overdueOnly')} checked={overdueOnly} onChange={(event) => params.set({ overdue: event.currentTarget.checked ? 'true' : null })} />
          )}
        </SimpleGrid>
      </Paper>
      <PagedResult query={referrals} emptyTitle={t(`referrals.empty.${box}`)}>
        {(items) => <ReferralList items={items} />}
      </PagedResult>
    </>
  );
}
