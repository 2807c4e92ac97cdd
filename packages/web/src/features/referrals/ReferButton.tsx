import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session.ts';
import { ReferralFormModal, type ReferredFamily } from './ReferralFormModal.tsx';

/** "Rujuk" on the family profile: refers the family (or one member) to another agency. */
export function ReferButton({ family }: { family: ReferredFamily }) {
  const { t } = useTranslation();
  const canRefer = useCan('referrals.manage');
  const [opened, { open, close }] = useDisclosure(false);
  if (!canRefer) return null;
  return (
    <>
      <Button variant="light" leftSection={<IconSend size={16} aria-hidden />} onClick={open}>{t('referrals.refer')}</Button>
      <ReferralFormModal family={family} opened={opened} onClose={close} />
    </>
  );
}
