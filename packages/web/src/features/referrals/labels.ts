import { REFERRAL_SERVICE_LABELS, REFERRAL_STATUS_LABELS, type ReferralService, type ReferralStatus } from '@sinergi/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Status and service names from the shared domain tables, in the UI language. */
export function useReferralLabels() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const status = useCallback((value: ReferralStatus) => REFERRAL_STATUS_LABELS[value][language], [language]);
  const service = useCallback((value: ReferralService) => REFERRAL_SERVICE_LABELS[value][language], [language]);
  const services = useCallback((values: readonly ReferralService[]) => values.map((value) => REFERRAL_SERVICE_LABELS[value][language]).join(', '), [language]);
  return { status, service, services };
}
