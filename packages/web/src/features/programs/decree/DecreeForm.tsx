import { Alert, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DecreeInput, type Program } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../api/query-client.ts';
import { FormActions } from '../../../components/FormModal.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { zodValidator } from '../../../i18n/validation.tsx';
import { createDecree, useRefreshProgram } from '../api.ts';

interface DecreeValues {
  number: string;
  decreeDate: string;
  signedBy: string;
  title: string;
}

/** Fixes every verified family not yet in a decree under a new SK (number, date, signatory). */
export function DecreeForm({ program, onDone }: { program: Program; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshProgram(program.id);
  const form = useForm<DecreeValues>({
    initialValues: { number: '', decreeDate: new Date().toISOString().slice(0, 10), signedBy: '', title: '' },
    validate: zodValidator<DecreeValues>(DecreeInput),
  });
  const save = useMutation({
    mutationFn: (values: DecreeValues) => createDecree(program.id, { ...values, title: values.title || undefined }),
    meta: { inlineError: true },
    onSuccess: async (decree) => {
      notifySuccess(t('programs.decree.created', { number: decree.number, n: format.number(decree.enrolmentCount) }));
      await refresh();
      onDone();
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <Title order={2} fz="h5">{t('programs.decree.newTitle')}</Title>
        <Text fz="sm" c="dimmed">{t('programs.decree.newHint', { n: format.number(program.enrolments.verified) })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('programs.decree.number')} placeholder="400.9/123/35.07.301/2026" withAsterisk {...form.getInputProps('number')} />
          <TextInput type="date" label={t('programs.decree.date')} withAsterisk {...form.getInputProps('decreeDate')} />
          <TextInput label={t('programs.decree.signedBy')} placeholder={t('programs.decree.signedByPlaceholder')} withAsterisk {...form.getInputProps('signedBy')} />
          <TextInput label={t('programs.decree.titleLabel')} {...form.getInputProps('title')} />
        </SimpleGrid>
        {save.error && <Alert color="red" role="alert">{save.error.message}</Alert>}
        <FormActions onCancel={onDone} saving={save.isPending} saveLabel={t('programs.decree.fix')} />
      </Stack>
    </Paper>
  );
}
