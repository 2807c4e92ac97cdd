import { Alert, Anchor, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { localIsoDate, MemberEditable, type MemberAddBody } from '@sinergi/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { validationMessage, zodValidator } from '../../i18n/validation.tsx';
import { addMember, refreshFamily } from './api.ts';
import { changedValues, type MemberFormValues } from './edit-values.ts';
import { MemberFields } from './MemberFields.tsx';
import { notifyEditWarnings } from './notify-warnings.ts';

const BLANK: MemberFormValues = {
  nik: '', name: '', birthDate: null, sex: null, relation: null, maritalStatus: null, education: null, workStatus: null,
  disabilities: [], chronicIllness: null, ppks: [], specialStatus: [],
};

const validateNew = zodValidator<Partial<MemberFormValues>>(MemberEditable.partial().required({ nik: true, name: true }), { nik: 'nik', birthDate: 'pastDate' });

function duplicateFamily(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'duplicate') return null;
  const details = error.details;
  return typeof details === 'object' && details !== null && 'familyId' in details && typeof details.familyId === 'string' ? details.familyId : null;
}

/** Adds a person (birth, marriage, moving in from outside the registry) to the family card. */
export function MemberAddModal({ familyId, opened, onClose }: { familyId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('edit.addMemberTitle')} size="xl">
      {() => <MemberAddForm familyId={familyId} onDone={onClose} />}
    </FormModal>
  );
}

function MemberAddForm({ familyId, onDone }: { familyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [startDate, setStartDate] = useState(() => localIsoDate(new Date()));
  const [startDateMissing, setStartDateMissing] = useState(false);
  const form = useForm<MemberFormValues>({
    initialValues: BLANK,
    validate: (values) => validateNew({ ...changedValues(BLANK, values), nik: values.nik.trim(), name: values.name.trim() }),
  });
  const add = useMutation({
    meta: { inlineError: true },
    mutationFn: (values: MemberFormValues) => {
      const body: MemberAddBody = { member: { ...changedValues(BLANK, values), nik: values.nik.trim(), name: values.name.trim() }, startDate };
      return addMember(familyId, body);
    },
    onSuccess: async (result) => {
      notifySuccess(t('edit.memberAdded', { name: result.member.name }));
      notifyEditWarnings(result.warnings);
      await refreshFamily(queryClient, familyId);
      onDone();
    },
  });
  const elsewhere = duplicateFamily(add.error);

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setStartDateMissing(!startDate);
        if (startDate) add.mutate(values);
      })}
      noValidate
    >
      <Stack>
        <MemberFields form={form} />
        <TextInput
          type="date"
          label={t('edit.joinedOn')}
          description={t('edit.joinedOnHint')}
          maw={260}
          withAsterisk
          value={startDate}
          onChange={(event) => setStartDate(event.currentTarget.value)}
          error={startDateMissing ? validationMessage('required') : undefined}
        />
        {add.error && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('edit.saveFailed')} role="alert">
            {elsewhere ? t('edit.nikElsewhere') : add.error.message}{' '}
            {elsewhere && <Anchor component={Link} to={`/keluarga/${elsewhere}`} onClick={onDone}>{t('edit.openThatFamily')}</Anchor>}
          </Alert>
        )}
        <FormActions onCancel={onDone} saving={add.isPending} saveLabel={t('edit.addMember')} />
      </Stack>
    </form>
  );
}
