import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Uuid } from '@sinergi/domain';
import { currentUser } from '../auth/current-user.ts';
import type { ProgramContext } from './context.ts';

export const tags = ['programs'];
export const ProgramParams = z.object({ id: Uuid });

/** The service context of a request on a program route. */
export function programContext(app: FastifyInstance, request: FastifyRequest): ProgramContext {
  return { db: app.database.db, config: app.config, user: currentUser(request), request };
}
