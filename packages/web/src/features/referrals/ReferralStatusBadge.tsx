import { Badge, Group } from '@mantine/core';
import type { Referral, ReferralStatus } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useReferralLabels } from './labels.ts';

const COLORS: Record<ReferralStatus, string> = {
  sent: 'blue', accepted: 'teal', declined: 'red', served: 'green', not_served: 'orange', withdrawn: 'gray',
};

/** The referral's status, and a red "late" badge when it is overdue. */
export function ReferralStatusBadge({ referral }: { referral: Pick<Referral, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLORS[referral.status]} variant="light">{labels.status(referral.status)}</Badge>
      {referral.overdue && <Badge color="red" variant="filled">{t(`referrals.overdue.${referral.overdue}`)}</Badge>}
    </Group>
  );
}
