import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { SESSION_COOKIE } from './sessions.ts';

function cookieOptions(config: Config) {
  // Lax keeps the cookie on top-level navigation from other sites (links in e-mail) but not on their form posts.
  return { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' } as const;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(config), expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
