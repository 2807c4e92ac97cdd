import { Alert, Button, Checkbox, Group, Paper, Skeleton, Stack, TextInput } from '@mantine/core';
import { MAX_NAME_LENGTH, type ImportBatch } from '@sinergi/domain';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { importBatchQueryKey, importsQueryKey, saveImportMapping, useImportTemplates } from './api.ts';
import { initialDraft, mappingBody, missingOf, type SheetDraft } from './mapping.ts';
import { SheetMappingCard } from './SheetMappingCard.tsx';

/** Step 2: each sheet's columns against our fields, starting from the best template; optionally saved for next time. */
export function MappingStep({ batch, onMapped }: { batch: ImportBatch; onMapped: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const templates = useImportTemplates();
  const [drafts, setDrafts] = useState<Record<string, SheetDraft>>(() => Object.fromEntries(batch.sheets.map((sheet) => [sheet.name, initialDraft(batch, sheet)])));
  const [saveTemplate, setSaveTemplate] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const [attempted, setAttempted] = useState(false);

  const incomplete = Object.values(drafts).some((draft) => missingOf(draft).length > 0);
  const noneIncluded = !Object.values(drafts).some((draft) => draft.included);
  const nameMissing = saveTemplate && templateName.trim() === '';

  const save = useMutation({
    meta: { inlineError: true },
    mutationFn: () => saveImportMapping(batch.id, mappingBody(drafts, saveTemplate ? templateName.trim() : null)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(importBatchQueryKey(batch.id), saved);
      await queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'templates'] });
      onMapped();
    },
  });

  const submit = () => {
    setAttempted(true);
    if (incomplete || noneIncluded || nameMissing) return;
    save.mutate();
  };

  if (templates.error) return <QueryError error={templates.error} onRetry={() => void templates.refetch()} />;
  if (templates.isPending) return <Skeleton height={360} radius="md" aria-label={t('common.loading')} />;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {batch.sheets.map((sheet) => (
          <SheetMappingCard
            key={sheet.name}
            sheet={sheet}
            draft={drafts[sheet.name] ?? initialDraft(batch, sheet)}
            templates={templates.data}
            showErrors={attempted}
            onChange={(draft) => setDrafts((current) => ({ ...current, [sheet.name]: draft }))}
          />
        ))}
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Checkbox
              checked={saveTemplate}
              onChange={(event) => setSaveTemplate(event.currentTarget.checked)}
              label={t('imports.mapping.saveAsTemplate')}
              description={t('imports.mapping.saveAsTemplateHint')}
            />
            {saveTemplate && (
              <TextInput
                label={t('imports.mapping.templateName')}
                placeholder={t('imports.mapping.templateNamePlaceholder')}
                withAsterisk
                maxLength={MAX_NAME_LENGTH}
                value={templateName}
                onChange={(event) => setTemplateName(event.currentTarget.value)}
                error={attempted && nameMissing ? t('validation.required') : undefined}
              />
            )}
          </Stack>
        </Paper>
        {attempted && noneIncluded && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{t('imports.mapping.noneIncluded')}</Alert>
        )}
        {save.error && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('imports.mapping.saveFailed')} role="alert">{save.error.message}</Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} rightSection={<IconArrowRight size={16} aria-hidden />}>
            {t('imports.mapping.continue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
