import type { Notification, NotificationListQuery } from '@sinergi/domain';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema/index.ts';

/** The reader: his own notifications and his agency's. */
export interface Reader {
  userId: string;
  agencyId: string;
}

const addressedTo = (reader: Reader) => sql<SqlBool>`(n.user_id = ${reader.userId}::uuid OR n.agency_id = ${reader.agencyId}::uuid)`;
const unreadBy = (reader: Reader) =>
  sql<SqlBool>`NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = ${reader.userId}::uuid)`;

interface NotificationRow {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  created_at: Date;
  read: boolean;
}

/** Newest first. */
export async function listNotifications(db: Kysely<DB>, reader: Reader, query: z.output<typeof NotificationListQuery>): Promise<{ items: Notification[]; total: number }> {
  const where = query.unread ? sql<SqlBool>`${addressedTo(reader)} AND ${unreadBy(reader)}` : addressedTo(reader);
  const rows = await sql<NotificationRow>`
    SELECT n.id, n.kind, n.params, n.link, n.created_at, NOT ${unreadBy(reader)} AS read
      FROM notification n WHERE ${where}
     ORDER BY n.created_at DESC, n.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notification n WHERE ${where}`.execute(db);
  return {
    items: rows.rows.map((row) => ({ id: row.id, kind: row.kind, params: row.params, link: row.link, createdAt: new Date(row.created_at).toISOString(), read: row.read })),
    total: total.rows[0]?.n ?? 0,
  };
}

export async function countUnread(db: Kysely<DB>, reader: Reader): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notification n WHERE ${addressedTo(reader)} AND ${unreadBy(reader)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Marks one (or, without an id, every) notification addressed to the reader as read by him; returns how many. */
export async function markRead(db: Kysely<DB>, reader: Reader, id: string | null): Promise<number> {
  const only = id ? sql<SqlBool>`n.id = ${id}::uuid` : sql<SqlBool>`true`;
  const result = await sql`
    INSERT INTO notification_read (notification_id, user_id)
    SELECT n.id, ${reader.userId}::uuid FROM notification n WHERE ${addressedTo(reader)} AND ${only} AND ${unreadBy(reader)}
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export async function isAddressedTo(db: Kysely<DB>, reader: Reader, id: string): Promise<boolean> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notification n WHERE n.id = ${id}::uuid AND ${addressedTo(reader)}`.execute(db);
  return (result.rows[0]?.n ?? 0) > 0;
}
