import { Loader, NumberInput, SimpleGrid, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useRegionChildren } from '../../components/regions.ts';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../auth/session.ts';
import { quotaTotal, type ProgramFormValues } from './program-form.ts';

/** Families per kecamatan; a blank box means no quota there (the overall target still applies). */
export function QuotasInput({ form }: { form: UseFormReturnType<ProgramFormValues> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const kecamatan = useRegionChildren(me.jurisdiction.code, false);
  const total = quotaTotal(form.values.quotas);
  const target = form.values.targetFamilies;
  if (kecamatan.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <>
      <Text fz="sm" mb="xs" c={typeof target === 'number' && total > target ? 'orange' : 'dimmed'} aria-live="polite">
        {t('programs.form.quotaTotal', { total: format.number(total), target: typeof target === 'number' ? format.number(target) : '–' })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="xs">
        {(kecamatan.data ?? []).map((region) => (
          <NumberInput
            key={region.code}
            label={region.name}
            size="xs"
            min={0}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
            value={form.values.quotas[region.code] ?? ''}
            // Region codes hold dots, so the whole map is replaced rather than addressed by a dotted form path.
            onChange={(value) => form.setFieldValue('quotas', { ...form.values.quotas, [region.code]: typeof value === 'number' ? value : '' })}
          />
        ))}
      </SimpleGrid>
    </>
  );
}
