import { Alert, Modal, NativeSelect, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { CORRECTION_CHANNEL_LABELS, CORRECTION_CHANNELS, CorrectionChannel, MAX_NAME_LENGTH, MAX_TEXT_LENGTH, type CorrectionCreate } from '@sinergi/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions } from '../../components/FormModal.tsx';
import { validationMessage } from '../../i18n/validation.tsx';
import { correctionsQueryKey, createCorrection, type PersonMatch } from './api.ts';
import { FAMILY_CORRECTION_FIELDS, MEMBER_CORRECTION_FIELDS, requestedChangesOf, type RequestedChange } from './correction-fields.ts';
import { RequestedChangeRows } from './RequestedChangeRows.tsx';

/** Records what a person asks to have corrected (about themselves or their household), who asked and how. */
export function CorrectionRequestModal({ match, onClose }: { match: PersonMatch | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={match !== null} onClose={onClose} title={t('privacy.corrections.recordTitle')} centered size="lg">
      {match && <CorrectionForm key={match.member.id} match={match} onDone={onClose} />}
    </Modal>
  );
}

function CorrectionForm({ match, onDone }: { match: PersonMatch; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const queryClient = useQueryClient();
  const [entity, setEntity] = useState<'member' | 'family'>('member');
  const [rows, setRows] = useState<RequestedChange[]>([]);
  const [reason, setReason] = useState('');
  const [channel, setChannel] = useState<CorrectionChannel>('in_person');
  const [requesterName, setRequesterName] = useState(match.member.name);
  const [requesterContact, setRequesterContact] = useState('');
  const [attempted, setAttempted] = useState(false);
  const fields = entity === 'member' ? MEMBER_CORRECTION_FIELDS : FAMILY_CORRECTION_FIELDS;
  const save = useMutation({
    meta: { inlineError: true },
    mutationFn: () => {
      const common = { reason: reason.trim(), channel, requesterName: requesterName.trim(), ...(requesterContact.trim() ? { requesterContact: requesterContact.trim() } : {}) };
      const body: CorrectionCreate = entity === 'member'
        ? { entity, entityId: match.member.id, requestedChanges: requestedChangesOf(rows, fields), ...common }
        : { entity, entityId: match.family.id, requestedChanges: requestedChangesOf(rows, fields), ...common };
      return createCorrection(body);
    },
    onSuccess: async () => {
      notifySuccess(t('privacy.corrections.recorded'));
      await queryClient.invalidateQueries({ queryKey: correctionsQueryKey });
      onDone();
    },
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setAttempted(true);
        if (reason.trim() && requesterName.trim()) save.mutate();
      }}
    >
      <Stack>
        <SegmentedControl
          value={entity}
          onChange={(value) => {
            setEntity(value === 'family' ? 'family' : 'member');
            setRows([]);
          }}
          data={[
            { value: 'member', label: t('privacy.corrections.aboutPerson', { name: match.member.name }) },
            { value: 'family', label: t('privacy.corrections.aboutFamily') },
          ]}
          aria-label={t('privacy.corrections.about')}
          fullWidth
        />
        <RequestedChangeRows entity={entity} fields={fields} rows={rows} onChange={setRows} />
        <Textarea
          label={t('privacy.corrections.reason')}
          description={t('privacy.corrections.reasonHint')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={MAX_TEXT_LENGTH}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={attempted && !reason.trim() ? validationMessage('required') : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('privacy.corrections.requester')}
            withAsterisk
            maxLength={MAX_NAME_LENGTH}
            value={requesterName}
            onChange={(event) => setRequesterName(event.currentTarget.value)}
            error={attempted && !requesterName.trim() ? validationMessage('required') : undefined}
          />
          <TextInput label={t('privacy.corrections.contact')} maxLength={200} value={requesterContact} onChange={(event) => setRequesterContact(event.currentTarget.value)} />
          <NativeSelect
            label={t('privacy.corrections.channel')}
            value={channel}
            data={CORRECTION_CHANNELS.map((value) => ({ value, label: CORRECTION_CHANNEL_LABELS[value][language] }))}
            onChange={(event) => setChannel(CorrectionChannel.safeParse(event.currentTarget.value).data ?? 'in_person')}
          />
        </SimpleGrid>
        {save.error && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('privacy.corrections.saveFailed')} role="alert">{save.error.message}</Alert>}
        <FormActions onCancel={onDone} saving={save.isPending} saveLabel={t('privacy.corrections.recordConfirm')} />
      </Stack>
    </form>
  );
}
