import { Button, Collapse, Group, NativeSelect, Paper, SimpleGrid, Stack } from '@mantine/core';
import { BUSINESS_STATUSES } from '@sinergi/domain';
import { IconAdjustmentsHorizontal, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import type { ParamValue } from '../../components/useListParams.ts';

const DESILS = Array.from({ length: 10 }, (_, index) => index + 1);

export interface FamilyFilterValues {
  q: string;
  region: string;
  desilMin: string;
  desilMax: string;
  businessStatus: string;
}

interface FamilyFiltersBarProps {
  values: FamilyFilterValues;
  onChange: (changes: Record<string, ParamValue>) => void;
}

export function FamilyFiltersBar({ values, onChange }: FamilyFiltersBarProps) {
  const { t } = useTranslation();
  const desilOptions = [{ value: '', label: t('common.all') }, ...DESILS.map((d) => ({ value: String(d), label: String(d) }))];
  const active = Object.values(values).some(Boolean);
  const isMobile = useIsMobile();
  // On a phone the less used filters fold away under one button, unless one of them is in use.
  const [moreOpened, setMoreOpened] = useState(Boolean(values.region || values.desilMin || values.desilMax || values.businessStatus));

  // Keeps the range valid: moving one end past the other drags it along.
  const setDesil = (end: 'desilMin' | 'desilMax', value: string) => {
    const changes: Record<string, ParamValue> = { [end]: value };
    const min = end === 'desilMin' ? value : values.desilMin;
    const max = end === 'desilMax' ? value : values.desilMax;
    if (min && max && Number(min) > Number(max)) changes[end === 'desilMin' ? 'desilMax' : 'desilMin'] = value;
    onChange(changes);
  };

  return (
    <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('families.filters')}>
      <Stack gap="sm">
        <SearchInput
          label={t('families.search')}
          placeholder={t('families.searchPlaceholder')}
          value={values.q}
          onChange={(q) => onChange({ q })}
        />
        {isMobile && (
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden />}
            aria-expanded={moreOpened}
            aria-controls="family-more-filters"
            onClick={() => setMoreOpened((opened) => !opened)}
          >
            {moreOpened ? t('families.fewerFilters') : t('families.moreFilters')}
          </Button>
        )}
        <Collapse expanded={!isMobile || moreOpened} id="family-more-filters">
          <Stack gap="sm">
            <RegionPicker value={values.region || null} onChange={(region) => onChange({ region })} label={t('region.label')} />
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
              <NativeSelect label={t('families.desilFrom')} data={desilOptions} value={values.desilMin} onChange={(e) => setDesil('desilMin', e.currentTarget.value)} />
              <NativeSelect label={t('families.desilTo')} data={desilOptions} value={values.desilMax} onChange={(e) => setDesil('desilMax', e.currentTarget.value)} />
              <NativeSelect
                label={t('families.businessStatus')}
                data={[{ value: '', label: t('common.all') }, ...BUSINESS_STATUSES.map((status) => ({ value: status, label: t(`business.${status}`) }))]}
                value={values.businessStatus}
                onChange={(e) => onChange({ businessStatus: e.currentTarget.value })}
              />
            </SimpleGrid>
          </Stack>
        </Collapse>
        {active && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => onChange({ q: null, region: null, desilMin: null, desilMax: null, businessStatus: null })}
            >
              {t('common.clearFilters')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
