import { LoginRequest, Me, PasswordChange, PreferencesUpdate } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { changeOwnPassword, setLanguage } from './account.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { currentUser } from './current-user.ts';
import { login } from './login.ts';
import { loadMe } from './me.ts';
import { deleteSession } from './sessions.ts';

const NoContent = z.null().describe('No content');
const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const { config } = app;

  app.post(
    '/auth/login',
    {
      // Per-address limit on top of the per-account lockout: slows password spraying across many accounts.
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in; sets the session cookie', body: LoginRequest, response: { 200: Me } },
    },
    async (request, reply) => {
      // A new session on every login, so that a planted or old cookie is never reused.
      if (request.user) await deleteSession(db, request.user.sessionId);
      const session = await login(db, {
        ...request.body,
        jurisdiction: config.jurisdiction,
        sessionHours: config.sessionHours,
        request,
      });
      setSessionCookie(reply, config, session.token, session.expiresAt);
      return loadMe(db, session.userId, session.csrfToken, config.jurisdiction);
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'session' }, schema: { tags, summary: 'Sign out this device', response: { 204: NoContent } } },
    async (request, reply) => {
      const user = currentUser(request);
      await deleteSession(db, user.sessionId);
      await recordAudit(db, request, { action: 'logout', entity: 'user', entityId: user.id });
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { config: { access: 'session' }, schema: { tags, summary: 'The signed-in user', response: { 200: Me } } },
    async (request) => {
      const user = currentUser(request);
      return loadMe(db, user.id, user.csrfToken, config.jurisdiction);
    },
  );

  app.post(
    '/auth/password',
    {
      // The current password is checked here too; a stolen session must not become a password oracle.
      config: { access: 'session', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Change the own password; signs out other devices', body: PasswordChange, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await changeOwnPassword(db, currentUser(request), request.body, request);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/auth/preferences',
    { config: { access: 'session' }, schema: { tags, summary: 'Save the interface language', body: PreferencesUpdate, response: { 200: Me } } },
    async (request) => {
      const user = currentUser(request);
      await setLanguage(db, user.id, request.body.language, request);
      return loadMe(db, user.id, user.csrfToken, config.jurisdiction);
    },
  );
};
