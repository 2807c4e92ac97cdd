import { Stack, Text, Textarea } from '@mantine/core';
import type { Referral, ReferralAction, ReferralTransitionInput } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { refreshAfterReferralChange, transitionReferral } from './api.ts';

const COLORS: Record<ReferralAction, string> = { accept: 'teal', decline: 'red', serve: 'green', not_serve: 'orange', withdraw: 'gray' };

function inputOf(action: ReferralAction, text: string, version: number): ReferralTransitionInput {
  switch (action) {
    case 'accept': return { action, note: text || undefined, version };
    case 'serve': return { action, outcome: text, version };
    case 'decline':
    case 'not_serve':
    case 'withdraw': return { action, reason: text, version };
  }
}

/** One step of the referral: accepting takes an optional note, every other step a reason or what was given. */
export function ReferralActionModal({ referral, action, onClose }: { referral: Referral; action: ReferralAction | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={action !== null} onClose={onClose} title={action ? t(`referrals.actions.${action}`) : ''} size="md">
      {() => action && <ActionForm referral={referral} action={action} onDone={onClose} />}
    </FormModal>
  );
}

function ActionForm({ referral, action, onDone }: { referral: Referral; action: ReferralAction; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const required = action !== 'accept';
  const save = useMutation({
    mutationFn: () => transitionReferral(referral.id, inputOf(action, text.trim(), referral.version)),
    onSuccess: async () => {
      notifySuccess(t(`referrals.done.${action}`));
      await refreshAfterReferralChange(queryClient);
      onDone();
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (required && text.trim().length < 3) {
      setError(t('referrals.textRequired'));
      return;
    }
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fz="sm">{t(`referrals.actionHints.${action}`, { from: referral.fromAgency.shortName, to: referral.toAgency.shortName })}</Text>
        <Textarea
          label={t(`referrals.textLabels.${action}`)}
          withAsterisk={required}
          autosize
          minRows={3}
          maxRows={8}
          data-autofocus
          value={text}
          error={error}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setError(null);
          }}
        />
        <FormActions onCancel={onDone} saving={save.isPending} saveLabel={t(`referrals.actions.${action}`)} color={COLORS[action]} />
      </Stack>
    </form>
  );
}
