import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { localIsoDate, MEMBER_END_REASONS, MEMBERSHIP_END_REASONS, type Member, type MemberEndReason } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { useCodeLabel } from '../../i18n/labels.ts';
import { endMember, refreshFamily } from './api.ts';
import { MembershipErrorAlert } from './MembershipErrorAlert.tsx';
import { notifyEditWarnings } from './notify-warnings.ts';

/** Records that a member died or left; the membership ends with that reason and stays in the family's history. */
export function MemberEndModal({ familyId, member, onClose }: { familyId: string; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={onClose} title={t('edit.endTitle', { name: member?.name ?? '' })} centered>
      {member && <EndForm key={member.id} familyId={familyId} member={member} onDone={onClose} />}
    </Modal>
  );
}

function EndForm({ familyId, member, onDone }: { familyId: string; member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<MemberEndReason | null>(null);
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const end = useMutation({
    meta: { inlineError: true },
    mutationFn: (chosen: MemberEndReason) => endMember(member.id, { version: member.version, reason: chosen, ...(date ? { date } : {}) }),
    onSuccess: async (result) => {
      notifySuccess(t('edit.ended', { name: result.member.name }));
      notifyEditWarnings(result.warnings);
      await refreshFamily(queryClient, familyId);
      onDone();
    },
  });

  return (
    <Stack>
      <Radio.Group label={t('edit.endReason')} withAsterisk value={reason} onChange={(value) => setReason(MEMBER_END_REASONS.find((r) => r === value) ?? null)}>
        <Stack gap="xs" mt="xs">
          {MEMBER_END_REASONS.map((code) => <Radio key={code} value={code} label={label(MEMBERSHIP_END_REASONS, code)} />)}
        </Stack>
      </Radio.Group>
      <TextInput type="date" label={reason === 'deceased' ? t('edit.diedOn') : t('edit.leftOn')} value={date} onChange={(event) => setDate(event.currentTarget.value)} maw={260} />
      <Text fz="xs" c="dimmed">{t('edit.endHint')}</Text>
      {end.error && <MembershipErrorAlert error={end.error} familyId={familyId} onDone={onDone} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button color="red" disabled={!reason} loading={end.isPending} onClick={() => reason && end.mutate(reason)}>{t('edit.end')}</Button>
      </Group>
    </Stack>
  );
}
