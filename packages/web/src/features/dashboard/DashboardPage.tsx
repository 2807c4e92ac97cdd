import { Paper, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import { IconHomeHeart, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AreaTrail, useAreaHref } from '../../components/AreaTrail.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../auth/session.ts';
import { useDashboardSummary } from './api.ts';
import { ByAreaTable, ByBusinessStatusList, ByDesilTable } from './SummaryTables.tsx';
import { StatCard } from './StatCard.tsx';

export default function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const [params] = useSearchParams();
  const summary = useDashboardSummary(params.get('wilayah'));
  const areaHref = useAreaHref('wilayah');
  const data = summary.data;
  const drilledArea = data && data.parents.length > 0 ? data.area.code : null;
  const poorShare = data && data.families > 0 ? Math.round((data.poorFamilies / data.families) * 1000) / 10 : 0;

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description', { name: data?.area.name ?? me.jurisdiction.name })} />
      {data && <AreaTrail parents={data.parents} area={data.area} href={areaHref} />}
      {summary.error && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.isPending && (
        <SimpleGrid cols={{ base: 1, xs: 3 }} aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2].map((i) => <Skeleton key={i} height={110} radius="md" />)}
        </SimpleGrid>
      )}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} mb="lg">
            <StatCard label={t('dashboard.families')} value={format.number(data.families)} icon={IconUsersGroup} color="blue" />
            <StatCard label={t('dashboard.members')} value={format.number(data.members)} icon={IconUsers} color="teal" />
            <StatCard
              label={t('dashboard.poorFamilies')}
              value={format.number(data.poorFamilies)}
              hint={t('dashboard.poorShare', { share: format.number(poorShare) })}
              icon={IconHomeHeart}
              color="orange"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Paper withBorder p="md" radius="md">
              <Title order={2} fz="h4" mb="sm">{t(`dashboard.byArea${data.byAreaLevel}` as 'dashboard.byArea3')}</Title>
              <ByAreaTable rows={data.byArea} level={data.byAreaLevel} />
            </Paper>
            <Stack gap="lg">
              <Paper withBorder p="md" radius="md">
                <Title order={2} fz="h4" mb="sm">{t('dashboard.byDesil')}</Title>
                <ByDesilTable rows={data.byDesil} total={data.families} area={drilledArea} />
              </Paper>
              <Paper withBorder p="md" radius="md">
                <Title order={2} fz="h4" mb="sm">{t('dashboard.byBusinessStatus')}</Title>
                <ByBusinessStatusList rows={data.byBusinessStatus} total={data.families} area={drilledArea} />
              </Paper>
            </Stack>
          </SimpleGrid>
        </>
      )}
    </>
  );
}
