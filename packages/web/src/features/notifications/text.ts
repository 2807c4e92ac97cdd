import { REFERRAL_SERVICE_LABELS, ReferralService, type Notification } from '@sinergi/domain';
import type { TFunction } from 'i18next';

/** Kinds this web app can phrase; a feature adding a kind adds its text under notifications.kinds. */
const KINDS = [
  'referral.received', 'referral.accepted', 'referral.declined', 'referral.served', 'referral.not_served', 'referral.withdrawn',
  'referral.overdue_answer', 'referral.overdue_close', 'training.follow_up_due',
] as const;
type Kind = (typeof KINDS)[number];

const isKnown = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

/** The notification's sentence in the UI language, with service codes turned into names. */
export function notificationText(t: TFunction, language: string, notification: Notification): string {
  if (!isKnown(notification.kind)) return t('notifications.generic');
  const params: Record<string, string | number> = { ...notification.params };
  if (typeof params.services === 'string') {
    params.services = params.services.split(',').map((code) => {
      const service = ReferralService.safeParse(code);
      return service.success ? REFERRAL_SERVICE_LABELS[service.data][language === 'en' ? 'en' : 'id'] : code;
    }).join(', ');
  }
  return t(`notifications.kinds.${notification.kind}`, params);
}
