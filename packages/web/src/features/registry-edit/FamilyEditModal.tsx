import { Alert, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FamilyConflictDetails, FamilyEditable, type FamilyDetail, type FamilyEditResult } from '@sinergi/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { zodValidator } from '../../i18n/validation.tsx';
import { editFamily, refreshFamily } from './api.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { changedValues, familyEditValues } from './edit-values.ts';
import { FamilyEditFields } from './FamilyEditFields.tsx';
import { useVersionedEdit, type Versioned } from './useVersionedEdit.ts';

const validateChanges = zodValidator<Partial<FamilyEditable>>(FamilyEditable.partial(), {
  noKk: 'noKk', villageCode: 'village', rt: 'rtRw', rw: 'rtRw', dataDate: 'pastDate',
});

export function FamilyEditModal({ family, opened, onClose }: { family: FamilyDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('edit.familyTitle')} size="xl">
      {() => <FamilyEditForm family={family} onDone={onClose} />}
    </FormModal>
  );
}

function currentFamily(details: unknown): Versioned<FamilyEditable> | null {
  const parsed = FamilyConflictDetails.safeParse(details);
  return parsed.success ? { values: familyEditValues(parsed.data.current), version: parsed.data.current.version } : null;
}

function FamilyEditForm({ family, onDone }: { family: FamilyDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const start = { values: familyEditValues(family), version: family.version };
  const edit = useVersionedEdit<FamilyEditable, FamilyEditResult>({
    start,
    save: (version, changes) => editFamily(family.id, { version, changes }),
    currentFrom: currentFamily,
    onSaved: async (result) => {
      notifySuccess(result.changedFields.length ? t('edit.familySaved', { count: result.changedFields.length }) : t('edit.nothingChanged'));
      await refreshFamily(queryClient, family.id);
      onDone();
    },
  });
  const form = useForm<FamilyEditable>({
    initialValues: start.values,
    // Only what differs from the opened record is checked: what the server sent is valid as it is.
    validate: (values) => validateChanges(changedValues(start.values, values)),
  });

  return (
    <form onSubmit={form.onSubmit(edit.submit)} noValidate>
      <Stack>
        <FamilyEditFields form={form} />
        {edit.unchanged && <Text fz="sm" c="dimmed" role="status">{t('edit.nothingToSave')}</Text>}
        {edit.error && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('edit.saveFailed')} role="alert">{edit.error.message}</Alert>
        )}
        {edit.conflict && (
          <ConflictNotice
            entity="family"
            familyId={family.id}
            entityId={family.id}
            theirs={edit.conflict.theirs}
            mine={edit.conflict.mine}
            onReload={() => {
              const next = edit.reload(form.getValues());
              if (next) form.setValues(next);
            }}
          />
        )}
        <FormActions onCancel={onDone} saving={edit.saving} />
      </Stack>
    </form>
  );
}
