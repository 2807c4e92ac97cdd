import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/download.ts';
import { notifySuccess } from '../../api/query-client.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { regionDepth } from '../../components/regions.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCan, useSession } from '../auth/session.ts';
import { untouchedExportQuery, useUntouchedCounts, useUntouchedFamilies, type CoverageFilters, type PageRequest } from './api.ts';
import { CoverageFamilyList } from './CoverageFamilyList.tsx';

function ExportUntouchedButton({ filters, total }: { filters: CoverageFilters; total: number }) {
  const { t } = useTranslation();
  const canExport = useCan('registry.export');
  const exportList = useMutation({
    meta: { inlineError: true },
    mutationFn: () => downloadFile('/coverage/untouched/export', untouchedExportQuery(filters), 'keluarga-belum-tersentuh.xlsx'),
    onSuccess: (fileName) => notifySuccess(t('coverage.untouched.exported', { file: fileName })),
  });
  if (!canExport) return null;
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} disabled={total === 0} loading={exportList.isPending} onClick={() => exportList.mutate()}>
        {t('coverage.untouched.export')}
      </Button>
      {exportList.error && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{exportList.error.message}</Alert>}
    </Stack>
  );
}

/**
 * Desil 1–5 families no program has reached yet ("belum tersentuh"): counts per kecamatan or village (in a province per
 * kabupaten/kota, kecamatan, village as one drills down by clicking a row), then the list.
 */
export function UntouchedPanel({ filters }: { filters: CoverageFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const params = useListParams();
  const me = useSession();
  const [level, setLevel] = useState<'kecamatan' | 'village'>('kecamatan');
  const [page, setPage] = useState<PageRequest>({ page: 1, pageSize: 25 });
  const province = regionDepth(me.jurisdiction.code) === 1;
  const counts = useUntouchedCounts(filters, province ? null : level);
  const families = useUntouchedFamilies(filters, page);
  const rows = counts.data ?? [];
  const total = rows.reduce((sum, row) => ({ poor: sum.poor + row.poorFamilies, untouched: sum.untouched + row.untouched }), { poor: 0, untouched: 0 });
  // In a province the rows are one level below the chosen region; a village's kecamatan is then the chosen one.
  const rowDepth = rows[0] ? regionDepth(rows[0].code) : 2;
  const showKecamatan = !province && level === 'village';
  const share = (part: number, whole: number) => (whole === 0 ? '–' : `${format.number(Math.round((part / whole) * 1000) / 10)}%`);

  return (
    <Stack>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} fz="h4">{t('coverage.untouched.countsTitle')}</Title>
          {!province && <SegmentedControl
            value={level}
            onChange={(value) => setLevel(value === 'village' ? 'village' : 'kecamatan')}
            data={[{ value: 'kecamatan', label: t('coverage.untouched.byKecamatan') }, { value: 'village', label: t('coverage.untouched.byVillage') }]}
          />}
        </Group>
        {counts.error && !counts.data && <QueryError error={counts.error} onRetry={() => void counts.refetch()} />}
        {counts.isPending && <Skeleton height={160} aria-busy="true" />}
        {counts.data && rows.length === 0 && <EmptyState title={t('coverage.untouched.noPoor')} />}
        {rows.length > 0 && (
          <>
            <Text mb="xs">{t('coverage.untouched.summary', { untouched: format.number(total.untouched), poor: format.number(total.poor), share: share(total.untouched, total.poor) })}</Text>
            <Table.ScrollContainer minWidth={480} mah={420}>
              <Table striped highlightOnHover stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{province ? t(`region.level${rowDepth}` as 'region.level2') : level === 'village' ? t('coverage.families.village') : t('coverage.families.kecamatan')}</Table.Th>
                    {showKecamatan && <Table.Th>{t('coverage.families.kecamatan')}</Table.Th>}
                    <Table.Th ta="right">{t('coverage.untouched.poor')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.untouched.untouched')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.untouched.share')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.code}>
                      <Table.Td>
                        <Anchor component="button" type="button" onClick={() => { setPage({ page: 1, pageSize: page.pageSize }); params.set({ wilayah: row.code }); }}>{row.name}</Anchor>
                      </Table.Td>
                      {showKecamatan && <Table.Td>{row.kecamatanName}</Table.Td>}
                      <Table.Td ta="right">{format.number(row.poorFamilies)}</Table.Td>
                      <Table.Td ta="right" fw={600}>{format.number(row.untouched)}</Table.Td>
                      <Table.Td ta="right">{share(row.untouched, row.poorFamilies)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm" wrap="wrap" align="flex-start">
          <Stack gap={0}>
            <Title order={2} fz="h4">{t('coverage.untouched.listTitle')}</Title>
            <Text size="sm" c="dimmed">{t('coverage.families.auditNote')}</Text>
          </Stack>
          <ExportUntouchedButton filters={filters} total={families.data?.total ?? 0} />
        </Group>
        <CoverageFamilyList query={families} page={page} onPage={setPage} emptyTitle={t('coverage.untouched.none')} />
      </Paper>
    </Stack>
  );
}
