import { Anchor, Badge, Box, Card, Group, LoadingOverlay, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { CoverageFamily, Page } from '@sinergi/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import type { PageRequest } from './api.ts';

interface CoverageFamilyListProps<T extends CoverageFamily> {
  query: UseQueryResult<Page<T>>;
  page: PageRequest;
  onPage: (page: PageRequest) => void;
  emptyTitle: string;
  /** An extra cell per family (e.g. the conflicting programs). */
  extra?: { header: string; cell: (family: T) => ReactNode };
}

/**
 * A page of families from a cross-program view: No KK masked as the server sends it, the head's name leading to the
 * family profile; cards on phones, a table on wider screens. Paged locally, so that two lists on one page do not
 * share the address bar's page.
 */
export function CoverageFamilyList<T extends CoverageFamily>({ query, page, onPage, emptyTitle, extra }: CoverageFamilyListProps<T>) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { data, error, isPending, isPlaceholderData } = query;
  if (error && !data) return <QueryError error={error} onRetry={() => void query.refetch()} />;
  if (isPending) return <Stack gap="xs" aria-busy="true">{[0, 1, 2].map((i) => <Skeleton key={i} height={40} />)}</Stack>;
  if (data.total === 0) return <EmptyState title={emptyTitle} />;
  const head = (family: T) => <Anchor component={Link} to={`/keluarga/${family.familyId}`} fw={600}>{family.headName ?? t('coverage.families.noName')}</Anchor>;
  return (
    <Box pos="relative">
      <LoadingOverlay visible={isPlaceholderData} zIndex={10} overlayProps={{ blur: 1 }} />
      {mobile ? (
        <Stack gap="xs">
          {data.items.map((family) => (
            <Card key={family.familyId} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">{head(family)}<Badge variant="light">{t('coverage.families.desil', { desil: family.desil ?? '–' })}</Badge></Group>
              <Text size="sm" c="dimmed">{family.noKk} · {family.villageName}, {family.kecamatanName}</Text>
              {extra && <Box mt={4}>{extra.cell(family)}</Box>}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('coverage.families.noKk')}</Table.Th>
                <Table.Th>{t('coverage.families.head')}</Table.Th>
                <Table.Th>{t('coverage.families.village')}</Table.Th>
                <Table.Th>{t('coverage.families.kecamatan')}</Table.Th>
                <Table.Th ta="right">{t('coverage.families.desilHeader')}</Table.Th>
                {extra && <Table.Th>{extra.header}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((family) => (
                <Table.Tr key={family.familyId}>
                  <Table.Td ff="monospace">{family.noKk}</Table.Td>
                  <Table.Td>{head(family)}</Table.Td>
                  <Table.Td>{family.villageName}</Table.Td>
                  <Table.Td>{family.kecamatanName}</Table.Td>
                  <Table.Td ta="right">{family.desil ?? '–'}</Table.Td>
                  {extra && <Table.Td>{extra.cell(family)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TablePager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(next) => onPage({ ...page, page: next })} onPageSize={(size) => onPage({ page: 1, pageSize: size })} />
    </Box>
  );
}
