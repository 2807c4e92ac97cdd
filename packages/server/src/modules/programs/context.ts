import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema/index.ts';
import type { SessionUser } from '../../http/context.ts';
import { jurisdictionUtcOffset } from '../audit/time-zone.ts';

/** What every program service function works with. */
export interface ProgramContext {
  db: Kysely<DB>;
  config: Config;
  user: SessionUser;
  /** The request being served, for the audit trail; null for work outside a request (demo seed). */
  request: FastifyRequest | null;
}

/** Today in the jurisdiction's own time zone ('YYYY-MM-DD'): the day ages and "this year" are counted on. */
export function jurisdictionToday(jurisdiction: string, now: Date = new Date()): string {
  const offset = jurisdictionUtcOffset(jurisdiction);
  const hours = Number(offset.slice(1, 3));
  return new Date(now.getTime() + hours * 3_600_000).toISOString().slice(0, 10);
}
