/** Who a notification is for: every user of one agency, or one user. */
export type NotificationTarget = { agencyId: string; userId?: never } | { userId: string; agencyId?: never };

export type NotificationInput = NotificationTarget & {
  /** Names the text the web shows, e.g. 'referral.received'; the web's notifications i18n has one entry per kind. */
  kind: string;
  /** Values for the text (agency names, dates); never personal data beyond what the reader may see anyway. */
  params?: Record<string, string | number>;
  /** Path in the web app the notification opens, e.g. /rujukan/…. */
  link?: string | null;
};
