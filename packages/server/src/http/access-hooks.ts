import { can } from '@sinergi/domain';
import type { FastifyInstance } from 'fastify';
import { findSessionUser, SESSION_COOKIE } from '../modules/auth/sessions.ts';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every /api route must declare `config.access`; the server refuses to start otherwise.
 * Requests are then checked here, before body validation, in this order: session, permission, CSRF.
 */
export function registerAccessHooks(app: FastifyInstance): void {
  app.decorateRequest('user', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    route.config ??= {};
    if (route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') {
      route.config.access ??= 'public';
      return;
    }
    if (!route.config.access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await findSessionUser(app.database.db, token) : null;

    const access = request.routeOptions.config.access;
    if (!request.url.startsWith('/api') || access === 'public') return;
    if (access === undefined) throw new AppError('not_found');
    if (!request.user) throw new AppError('unauthenticated');
    if (!can(request.user.role, access)) throw new AppError('forbidden');
    // A temporary password (new account or admin reset) opens nothing but the account itself until it is changed.
    if (request.user.mustChangePassword && access !== 'session') throw new AppError('password_change_required');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.user.csrfToken) {
      throw new AppError('csrf_failed');
    }
  });
}
