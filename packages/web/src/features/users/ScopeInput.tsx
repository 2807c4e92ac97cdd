import { Loader, MultiSelect, Radio, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { regionDepth, useRegionChildren } from '../../components/regions.ts';
import { useSession } from '../auth/session.ts';

type ScopeMode = 'whole' | 'kecamatan' | 'desa';

interface ScopeInputProps {
  value: string[];
  onChange: (codes: string[]) => void;
  /** Names of the codes already held, as the server gave them (UserSummary.scopeNames). */
  knownNames?: Map<string, string>;
  error?: ReactNode;
}

/** A user's region scope: the whole jurisdiction, some kecamatan, or some desa/kelurahan. */
export function ScopeInput({ value, onChange, knownNames, error }: ScopeInputProps) {
  const { t } = useTranslation();
  const me = useSession();
  const rootDepth = regionDepth(me.jurisdiction.code);
  const [mode, setMode] = useState<ScopeMode>(() => {
    const first = value[0];
    if (!first) return 'whole';
    return regionDepth(first) >= 4 ? 'desa' : 'kecamatan';
  });
  const targetDepth = mode === 'desa' ? 4 : 3;
  const [browse, setBrowse] = useState<string | null>(null);
  const parent = targetDepth - 1 === rootDepth ? me.jurisdiction.code : browse && regionDepth(browse) === targetDepth - 1 ? browse : null;
  const children = useRegionChildren(mode === 'whole' ? null : parent);
  const [labels, setLabels] = useState(() => new Map(knownNames));

  const options = new Map<string, string>();
  for (const code of value) options.set(code, labels.get(code) ?? code);
  for (const region of children.data ?? []) options.set(region.code, region.name);

  const changeMode = (next: string) => {
    setMode(next as ScopeMode);
    setBrowse(null);
    onChange([]);
  };
  const changeCodes = (codes: string[]) => {
    // Remember names of chosen regions, so they stay readable after browsing to another kecamatan.
    const next = new Map(labels);
    for (const code of codes) next.set(code, options.get(code) ?? code);
    setLabels(next);
    onChange(codes);
  };

  return (
    <Stack gap="xs">
      <Radio.Group label={t('scope.label')} value={mode} onChange={changeMode} error={mode === 'whole' ? error : undefined}>
        <Stack gap={6} mt={6}>
          <Radio value="whole" label={t('scope.whole', { name: me.jurisdiction.name })} />
          <Radio value="kecamatan" label={t('scope.someKecamatan')} />
          <Radio value="desa" label={t('scope.someDesa')} />
        </Stack>
      </Radio.Group>
      {mode !== 'whole' && targetDepth - 1 > rootDepth && (
        <RegionPicker
          label={t('scope.browse')}
          value={browse}
          onChange={setBrowse}
          deepest={(targetDepth - 1) as 2 | 3}
        />
      )}
      {mode !== 'whole' && (
        <MultiSelect
          label={t(`region.level${targetDepth}`)}
          description={parent ? t('scope.pickHint') : t('scope.browseFirst')}
          data={[...options].map(([code, name]) => ({ value: code, label: name }))}
          value={value}
          onChange={changeCodes}
          searchable
          clearable
          hidePickedOptions={false}
          nothingFoundMessage={t('common.nothingFound')}
          rightSection={children.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
          error={error}
          maxDropdownHeight={280}
        />
      )}
      {mode !== 'whole' && value.length > 0 && (
        <Text fz="xs" c="dimmed">{t('scope.selectedCount', { count: value.length })}</Text>
      )}
    </Stack>
  );
}
