import { Loader, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session.ts';
import { regionAtLevel, regionDepth, useRegionChildren } from './regions.ts';

export type RegionLevel = 2 | 3 | 4;

interface RegionPickerProps {
  /** The most specific region chosen, or null for the whole jurisdiction. */
  value: string | null;
  onChange: (code: string | null) => void;
  /** The deepest level offered: 2 = kabupaten/kota, 3 = kecamatan, 4 = desa/kelurahan (default). Choosing that deep is optional. */
  deepest?: 2 | 3 | 4;
  /** Restrict choices to the signed-in user's region scope (default true). */
  scoped?: boolean;
  /** Names the group for assistive technology, e.g. "Wilayah". */
  label?: string;
  error?: ReactNode;
  disabled?: boolean;
  /** Lay the selects side by side on wide screens (default) or always stacked. */
  layout?: 'row' | 'stack';
}

/**
 * Picks a region within the installation's jurisdiction, level by level: for a regency
 * kecamatan → desa, for a province kabupaten/kota → kecamatan → desa.
 */
export function RegionPicker({ value, onChange, deepest = 4, scoped = true, label, error, disabled, layout = 'row' }: RegionPickerProps) {
  const { t } = useTranslation();
  const me = useSession();
  const rootDepth = regionDepth(me.jurisdiction.code);
  const levels: RegionLevel[] = [];
  for (let depth = rootDepth + 1; depth <= deepest; depth += 1) levels.push(depth as RegionLevel);

  const parentOf = (depth: number) => (depth === rootDepth + 1 ? me.jurisdiction.code : regionAtLevel(value, depth - 1));
  const selects = levels.map((depth) => (
    <RegionLevelSelect
      key={depth}
      depth={depth}
      parent={parentOf(depth)}
      value={regionAtLevel(value, depth)}
      scoped={scoped}
      disabled={disabled}
      onChange={(code) => onChange(code ?? (depth === rootDepth + 1 ? null : regionAtLevel(value, depth - 1)))}
    />
  ));
  return (
    <Stack gap={4} role="group" aria-label={label ?? t('region.label')}>
      <SimpleGrid cols={layout === 'row' ? { base: 1, xs: selects.length } : 1} spacing="sm">
        {selects}
      </SimpleGrid>
      {error && <Text c="red" fz="xs" role="alert">{error}</Text>}
    </Stack>
  );
}

interface RegionLevelSelectProps {
  depth: RegionLevel;
  parent: string | null;
  value: string | null;
  scoped: boolean;
  disabled?: boolean;
  onChange: (code: string | null) => void;
}

function RegionLevelSelect({ depth, parent, value, scoped, disabled, onChange }: RegionLevelSelectProps) {
  const { t } = useTranslation();
  const regions = useRegionChildren(parent, scoped);
  const label = t(`region.level${depth}`);
  const data = (regions.data ?? []).map((region) => ({ value: region.code, label: region.name }));
  // Until the list arrives, keep the chosen code visible instead of an empty field.
  if (value && !data.some((item) => item.value === value)) data.unshift({ value, label: value });

  return (
    <Select
      label={label}
      placeholder={parent ? t('region.all') : t('region.chooseAbove')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      disabled={disabled || !parent}
      rightSection={regions.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      error={regions.error ? regions.error.message : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
