import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

/** The signed-in user of a non-public route; the access hook has already guaranteed one, this narrows the type. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('unauthenticated');
  return request.user;
}
