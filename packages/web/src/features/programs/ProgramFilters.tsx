import { NativeSelect, Paper, SimpleGrid, Stack } from '@mantine/core';
import { PROGRAM_APPROACH_LABELS, PROGRAM_APPROACHES, PROGRAM_KIND_LABELS, PROGRAM_KINDS, PROGRAM_STATUSES } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../components/SearchInput.tsx';
import type { ParamValue } from '../../components/useListParams.ts';
import { useAgencies } from '../agencies/api.ts';
import { useLocalText } from './local-text.ts';

export interface ProgramFilterValues {
  q: string;
  agencyId: string;
  kind: string;
  approach: string;
  status: string;
  year: string;
}

export function ProgramFilters({ values, onChange }: { values: ProgramFilterValues; onChange: (changes: Record<string, ParamValue>) => void }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const agencies = useAgencies();
  const all = { value: '', label: t('common.all') };
  const thisYear = new Date().getFullYear();
  return (
    <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
      <Stack gap="sm">
        <SearchInput label={t('programs.search')} placeholder={t('programs.searchPlaceholder')} value={values.q} onChange={(q) => onChange({ q })} />
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
          <NativeSelect
            label={t('programs.agency')}
            data={[all, ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.shortName }))]}
            value={values.agencyId}
            onChange={(event) => onChange({ agencyId: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('programs.kind')}
            data={[all, ...PROGRAM_KINDS.map((kind) => ({ value: kind, label: local(PROGRAM_KIND_LABELS[kind]) }))]}
            value={values.kind}
            onChange={(event) => onChange({ kind: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('programs.approach')}
            data={[all, ...PROGRAM_APPROACHES.map((approach) => ({ value: approach, label: local(PROGRAM_APPROACH_LABELS[approach]) }))]}
            value={values.approach}
            onChange={(event) => onChange({ approach: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('programs.status')}
            data={[all, ...PROGRAM_STATUSES.map((status) => ({ value: status, label: t(`programs.statuses.${status}`) }))]}
            value={values.status}
            onChange={(event) => onChange({ status: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('programs.year')}
            data={[all, ...[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((year) => ({ value: String(year), label: String(year) }))]}
            value={values.year}
            onChange={(event) => onChange({ year: event.currentTarget.value })}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
