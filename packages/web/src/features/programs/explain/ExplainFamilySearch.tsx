import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { useListParams } from '../../../components/useListParams.ts';
import { useFamilyLookup } from '../api.ts';

/** Any family of the registry, found by name or No KK, explained against the current rule (also "why not?"). */
export function ExplainFamilySearch() {
  const { t } = useTranslation();
  const params = useListParams();
  const [q, setQ] = useState('');
  const families = useFamilyLookup(q);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="explain-search-title">
      <Stack gap="xs">
        <Title order={2} fz="h5" id="explain-search-title">{t('programs.explain.searchTitle')}</Title>
        <Text fz="sm" c="dimmed">{t('programs.explain.searchHint')}</Text>
        <SearchInput label={t('programs.explain.searchLabel')} value={q} onChange={setQ} />
        {q && families.data?.items.map((family) => (
          <Group key={family.id} justify="space-between" gap="xs" wrap="nowrap">
            <div>
              <Text fz="sm" fw={600}>{family.headName ?? family.noKk}</Text>
              <Text fz="xs" c="dimmed">{family.villageName}, {family.kecamatanName}</Text>
            </div>
            <Button size="compact-sm" variant="light" onClick={() => params.set({ keluarga: family.id, run: null })}>{t('programs.explain.open')}</Button>
          </Group>
        ))}
        {q && families.data?.total === 0 && <Text fz="sm" c="dimmed">{t('common.nothingFound')}</Text>}
      </Stack>
    </Paper>
  );
}
