import { Anchor, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { FamilySort, type FamilyListItem } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { BusinessStatusBadge } from './BusinessStatusBadge.tsx';
import { DesilBadge } from './DesilBadge.tsx';

interface FamilyCardsProps {
  items: FamilyListItem[];
  sort: string;
  onSort: (sort: string) => void;
  /** Offers "best match first", which only a name search has. */
  searching: boolean;
}

/** The family list on a phone: one card per family instead of a table scrolled sideways. */
export function FamilyCards({ items, sort, onSort, searching }: FamilyCardsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = { listSearch: useLocation().search };
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('families.sortBy')}
        value={sort}
        onChange={(event) => onSort(event.currentTarget.value)}
        data={FamilySort.options.filter((option) => searching || option !== 'relevance').map((option) => ({ value: option, label: t(`families.sort.${option}`) }))}
      />
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('families.title')}>
        {items.map((family) => (
          <Paper key={family.id} component="li" withBorder p="sm" radius="md">
            <Anchor component={Link} to={`/keluarga/${family.id}`} state={state} fw={600}>
              {family.headName ?? t('families.noHead')}
            </Anchor>
            <Text fz="xs" c="dimmed">{family.villageName}, {family.kecamatanName}</Text>
            <Text fz="xs" ff="monospace" mt={2}>{t('families.noKk')}: {family.noKk}</Text>
            <Group gap={6} mt={6}>
              <DesilBadge desil={family.desil} />
              <BusinessStatusBadge status={family.businessStatus} />
              <Text fz="xs" c="dimmed">{t('families.memberCount', { count: format.number(family.memberCount) })}</Text>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
