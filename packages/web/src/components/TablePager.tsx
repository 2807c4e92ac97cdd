import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

interface TablePagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize?: (pageSize: number) => void;
}

export function TablePager({ page, pageSize, total, onPage, onPageSize }: TablePagerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);

  return (
    <Group justify="space-between" gap="sm" mt="md" wrap="wrap">
      <Group gap="sm">
        <Text fz="sm" c="dimmed" aria-live="polite">
          {t('table.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
        </Text>
        {onPageSize && (
          <NativeSelect
            aria-label={t('table.pageSize')}
            size="xs"
            value={String(pageSize)}
            onChange={(event) => onPageSize(Number(event.currentTarget.value))}
            data={PAGE_SIZES.map((size) => ({ value: String(size), label: t('table.perPage', { count: size }) }))}
          />
        )}
      </Group>
      {pages > 1 && (
        <nav aria-label={t('table.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            size="sm"
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({ 'aria-label': t(`table.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('table.goToPage', { page: item }) })}
          />
        </nav>
      )}
    </Group>
  );
}
