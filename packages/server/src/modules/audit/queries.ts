import type { AuditEntry, AuditQuery, Page } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import { containsPattern } from '../../db/like.ts';
import type { DB } from '../../db/schema/index.ts';

export interface AuditFilter extends Omit<AuditQuery, 'from' | 'to'> {
  from?: Date | undefined;
  /** Exclusive. */
  until?: Date | undefined;
}

/** Audit rows matching the filter, newest first (served by the index on `at`). */
export async function searchAudit(db: Kysely<DB>, filter: AuditFilter): Promise<Page<AuditEntry>> {
  let query = db.selectFrom('audit_log');
  if (filter.username) query = query.where('username', 'ilike', containsPattern(filter.username));
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.until) query = query.where('at', '<', filter.until);

  const [rows, total] = await Promise.all([
    query
      .select(['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'ip', 'details'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    username: row.username,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    ip: row.ip,
    details: row.details ?? null,
  }));
  return { items, total: total.n, page: filter.page, pageSize: filter.pageSize };
}
