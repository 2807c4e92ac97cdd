import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { can, Uuid } from '@sinergi/domain';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit, type AuditEntry } from '../audit/record.ts';
import { currentUser } from '../auth/current-user.ts';
import { jurisdictionToday } from '../programs/context.ts';

/** What every training service function works with. */
export interface TrainingContext {
  db: Kysely<DB>;
  config: Config;
  user: SessionUser;
  /** The request being served, for the audit trail; null for work outside a request (demo seed). */
  request: FastifyRequest | null;
  /** Today in the jurisdiction ('YYYY-MM-DD'); fixed by tests and the demo. */
  today: string;
}

export const tags = ['training'];
export const IdParams = z.object({ id: Uuid });

export function trainingContext(app: FastifyInstance, request: FastifyRequest): TrainingContext {
  return { db: app.database.db, config: app.config, user: currentUser(request), request, today: jurisdictionToday(app.config.jurisdiction) };
}

/** Writes one audit row as the request's user, or as the context's user for work outside a request. */
export async function audit(context: TrainingContext, entry: AuditEntry): Promise<void> {
  await recordAudit(context.db, context.request, entry, context.request ? undefined : context.user);
}

/** An admin changes any agency's training; an operator only his own agency's. */
export function mayManageTraining(user: SessionUser, agencyId: string): boolean {
  if (user.role === 'admin') return true;
  return can(user.role, 'training.manage') && user.agencyId === agencyId;
}

/** Refuses a change by anyone but the owner agency's staff (403 training_other_agency). */
export function requireManageTraining(user: SessionUser, owner: { agency_id: string; agency_short_name: string }): void {
  if (!mayManageTraining(user, owner.agency_id)) throw new AppError('training_other_agency', { agency: owner.agency_short_name });
}
