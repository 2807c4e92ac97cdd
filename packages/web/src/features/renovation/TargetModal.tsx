import { Alert, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { renovationKey, setRenovationTarget, useRenovationTarget } from './api.ts';

/** The year's target in units; an existing split over kecamatan is kept as it is. */
export function TargetModal({ opened, onClose, year }: { opened: boolean; onClose: () => void; year: number }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('renovation.target.title', { year })} size="sm">
      {() => <TargetForm year={year} onClose={onClose} />}
    </FormModal>
  );
}

function TargetForm({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const target = useRenovationTarget(year);
  const [units, setUnits] = useState<number | string>('');
  const shown = units === '' ? (target.data?.units ?? '') : units;
  const save = useMutation({
    mutationFn: () => setRenovationTarget(year, {
      units: Number(shown), kecamatan: (target.data?.kecamatan ?? []).map((k) => ({ kecamatanCode: k.kecamatanCode, units: k.units })),
    }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: renovationKey });
      notifications.show({ color: 'green', message: t('renovation.target.saved') });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <NumberInput label={t('renovation.target.units')} min={0} max={1_000_000} value={shown} onChange={setUnits} required thousandSeparator="." decimalSeparator="," />
        {(target.data?.kecamatan.length ?? 0) > 0 && <Text size="sm" c="dimmed">{t('renovation.target.split', { count: target.data?.kecamatan.length ?? 0 })}</Text>}
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        <FormActions onCancel={onClose} saving={save.isPending} />
      </Stack>
    </form>
  );
}
