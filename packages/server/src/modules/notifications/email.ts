import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { NotificationInput } from './types.ts';

/**
 * E-mail for notifications is off by default (NOTIFICATION_EMAIL=false) and Sinergi ships no mail sender. An
 * installation that wants e-mail sets NOTIFICATION_EMAIL=true and registers a sender at start-up with
 * `setNotificationEmailSender`; it is called after each notification is stored, inside the same transaction, and
 * should only queue the message (e.g. into an outbox table) so that a slow mail server never holds the transaction.
 */
export type NotificationEmailSender = (db: Kysely<DB>, notification: NotificationInput & { id: string }) => Promise<void>;

export const emailHook: { current: NotificationEmailSender | null } = { current: null };

/** Installs (or with null removes) the sender; ignored unless e-mail is switched on in the configuration. */
export function setNotificationEmailSender(enabled: boolean, sender: NotificationEmailSender | null): void {
  emailHook.current = enabled ? sender : null;
}
