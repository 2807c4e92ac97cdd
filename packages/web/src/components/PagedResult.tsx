import { Box, LoadingOverlay, Paper, Skeleton, Stack } from '@mantine/core';
import type { Page } from '@sinergi/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState.tsx';
import { QueryError } from './QueryError.tsx';
import { TablePager } from './TablePager.tsx';
import { useListParams } from './useListParams.ts';

interface PagedResultProps<T> {
  query: UseQueryResult<Page<T>>;
  emptyTitle: string;
  emptyMessage?: string;
  /** Page size when the address bar names none; choosing it again removes it from the address. */
  defaultPageSize?: number;
  /** Without a frame: for card lists on phones. */
  bare?: boolean;
  children: (items: T[]) => ReactNode;
}

/** A paged list's states in one place: first load, failure, nothing found, the rows and the pager. */
export function PagedResult<T>({ query, emptyTitle, emptyMessage, defaultPageSize = 25, bare = false, children }: PagedResultProps<T>) {
  const { t } = useTranslation();
  const params = useListParams();
  const { data, error, isPending, isPlaceholderData } = query;

  if (error && !data) return <QueryError error={error} onRetry={() => void query.refetch()} />;
  if (isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
        {Array.from({ length: 5 }, (_, index) => <Skeleton key={index} height={44} />)}
      </Stack>
    );
  }
  if (data.total === 0) return <EmptyState title={emptyTitle} message={emptyMessage ?? t('common.emptyFiltered')} />;
  return (
    <Paper withBorder={!bare} bg={bare ? 'transparent' : undefined} radius="md" p={bare ? 0 : 'md'}>
      <Box pos="relative">
        <LoadingOverlay visible={isPlaceholderData} zIndex={10} overlayProps={{ blur: 1 }} loaderProps={{ 'aria-label': t('common.loading') }} />
        {children(data.items)}
      </Box>
      <TablePager
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        onPage={params.setPage}
        onPageSize={(size) => params.set({ pageSize: size === defaultPageSize ? null : size })}
      />
    </Paper>
  );
}
