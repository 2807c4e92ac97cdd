import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { currentUser } from '../auth/current-user.ts';
import { recordAudit, type AuditEntry } from '../audit/record.ts';

/** What every renovation service function works with. */
export interface RenovationContext {
  db: Kysely<DB>;
  config: Config;
  user: SessionUser;
  /** The request being served, for the audit trail; null for work outside a request (demo seed). */
  request: FastifyRequest | null;
}

export function renovationContext(app: FastifyInstance, request: FastifyRequest): RenovationContext {
  return { db: app.database.db, config: app.config, user: currentUser(request), request };
}

export async function audit(context: RenovationContext, entry: AuditEntry): Promise<void> {
  await recordAudit(context.db, context.request, entry, { id: context.user.id, username: context.user.username });
}

/** Stored photos of one house live together, so that a house's files are easy to find and back up. */
export const photoFolder = (houseId: string) => `renovation/${houseId}`;
