import type { AuditEntity } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'view'
  | 'export'
  | 'unmask'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_change'
  | 'password_reset'
  | 'disable'
  | 'enable';

export interface AuditEntry {
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one row to the audit trail: who (from the request's session), what, when, from which address. */
export async function recordAudit(db: Kysely<DB>, request: FastifyRequest | null, entry: AuditEntry, actor?: { id: string; username: string }): Promise<void> {
  const user = actor ?? request?.user ?? null;
  await db
    .insertInto('audit_log')
    .values({
      user_id: user?.id ?? null,
      username: user?.username ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      ip: request?.ip ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}
