import { Alert, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { MemberConflictDetails, MemberEditable, type Member, type MemberEditResult } from '@sinergi/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { zodValidator } from '../../i18n/validation.tsx';
import { editMember, refreshFamily } from './api.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { changedValues, keepHiddenSpecific, memberEditValues, touchesSpecificData, type MemberFormValues } from './edit-values.ts';
import { MemberFields } from './MemberFields.tsx';
import { notifyEditWarnings } from './notify-warnings.ts';
import { useVersionedEdit, type Versioned } from './useVersionedEdit.ts';

export const validateMemberChanges = zodValidator<Partial<MemberFormValues>>(MemberEditable.partial(), { nik: 'nik', birthDate: 'pastDate' });

function currentMember(details: unknown, opened: MemberFormValues): Versioned<MemberFormValues> | null {
  const parsed = MemberConflictDetails.safeParse(details);
  if (!parsed.success) return null;
  const { current } = parsed.data;
  return { values: keepHiddenSpecific(memberEditValues(current), current.specificDataHidden, opened), version: current.version };
}

export function MemberEditModal({ familyId, member, onClose }: { familyId: string; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={member !== null} onClose={onClose} title={t('edit.memberTitle', { name: member?.name ?? '' })} size="xl">
      {() => member && <MemberEditForm key={member.id} familyId={familyId} member={member} onDone={onClose} />}
    </FormModal>
  );
}

function MemberEditForm({ familyId, member, onDone }: { familyId: string; member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const start = { values: memberEditValues(member), version: member.version };
  const edit = useVersionedEdit<MemberFormValues, MemberEditResult>({
    start,
    // Specific personal data is editable only in an unmasked view, and only then is the edit sent as unmasked.
    save: (version, changes) => editMember(member.id, { version, changes }, !member.specificDataHidden && touchesSpecificData(changes)),
    currentFrom: (details) => currentMember(details, start.values),
    onSaved: async (result) => {
      notifySuccess(result.changedFields.length ? t('edit.memberSaved', { name: result.member.name }) : t('edit.nothingChanged'));
      notifyEditWarnings(result.warnings);
      await refreshFamily(queryClient, familyId);
      onDone();
    },
  });
  const form = useForm<MemberFormValues>({
    initialValues: start.values,
    validate: (values) => validateMemberChanges(changedValues(start.values, values)),
  });

  return (
    <form onSubmit={form.onSubmit(edit.submit)} noValidate>
      <Stack>
        <MemberFields form={form} specificHidden={member.specificDataHidden} />
        {edit.unchanged && <Text fz="sm" c="dimmed" role="status">{t('edit.nothingToSave')}</Text>}
        {edit.error && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('edit.saveFailed')} role="alert">{edit.error.message}</Alert>}
        {edit.conflict && (
          <ConflictNotice
            entity="member"
            familyId={familyId}
            entityId={member.id}
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
