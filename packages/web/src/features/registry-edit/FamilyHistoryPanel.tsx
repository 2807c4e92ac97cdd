import { Pagination, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFamilyHistory } from './api.ts';
import { ChangeEntryView } from './ChangeEntryView.tsx';

/** "Riwayat perubahan": every change of the family and its members, newest first, from imports, edits and merges. */
export function FamilyHistoryPanel({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const history = useFamilyHistory(familyId, page);
  if (history.error && !history.data) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Skeleton height={200} radius="md" aria-label={t('common.loading')} />;
  const { items, total, pageSize } = history.data;
  if (total === 0) return <EmptyState title={t('history.emptyTitle')} message={t('history.emptyMessage')} />;
  const pages = Math.ceil(total / pageSize);
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">{t('history.intro', { count: total })}</Text>
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('history.title')}>
        {items.map((entry) => <ChangeEntryView key={entry.id} entry={entry} />)}
      </Stack>
      {pages > 1 && (
        <nav aria-label={t('table.pagination')}>
          <Pagination total={pages} value={page} onChange={setPage} size="sm" getItemProps={(item) => ({ 'aria-label': t('table.goToPage', { page: item }) })} />
        </nav>
      )}
    </Stack>
  );
}
