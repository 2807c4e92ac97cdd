import crypto from 'node:crypto';
import { can, ROLES, type Role } from '@sinergi/domain';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import type { RouteAccess } from '../src/http/context.ts';
import { createSession } from '../src/modules/auth/sessions.ts';
import { testDatabaseKinds, openTestDatabase } from './db.ts';
import { makeUser } from './factories.ts';

/**
 * For every registered /api route and every role, the answer follows ROLE_PERMISSIONS: routes added later
 * by any module are covered without touching this file.
 */

interface Endpoint {
  method: HTTPMethods;
  url: string;
  /** The path with every parameter filled in. */
  path: string;
  access: RouteAccess;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const REFUSALS = new Set(['unauthenticated', 'forbidden', 'csrf_failed']);

/** Fastify may rewrite a route's url after onRoute (trailing-slash twins), so url and method are copied at once. */
interface RegisteredRoute {
  url: string;
  methods: HTTPMethods[];
  /** Read later: the access hook fills in defaults after the collector has seen the route. */
  options: RouteOptions;
}

function endpointsOf(routes: RegisteredRoute[]): Endpoint[] {
  return routes
    .filter((route) => route.url.startsWith('/api'))
    .flatMap((route) =>
      route.methods.flatMap((method) => {
        // HEAD mirrors GET and has no body to read the error code from.
        if (method === 'HEAD' || method === 'OPTIONS') return [];
        const access = route.options.config?.access;
        if (!access) throw new Error(`${method} ${route.url} declares no access rule`);
        const path = route.url.replace(/:\w+/g, () => crypto.randomUUID()).replace(/\*/g, 'x');
        return [{ method, url: route.url, path, access }];
      }),
    );
}

/** Pinned by hand, because the matrix below can only check what a route declares, not whether it declares the right thing. */
const ACCOUNT_ROUTES: Record<string, RouteAccess> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'session',
  'GET /api/auth/me': 'session',
  'POST /api/auth/password': 'session',
  'PATCH /api/auth/preferences': 'session',
  'GET /api/users': 'users.manage',
  'GET /api/users/:id': 'users.manage',
  'POST /api/users': 'users.manage',
  'PATCH /api/users/:id': 'users.manage',
  'POST /api/users/:id/disable': 'users.manage',
  'POST /api/users/:id/enable': 'users.manage',
  'POST /api/users/:id/reset-password': 'users.manage',
};

const label = (e: Endpoint) => `${e.method} ${e.url}`;
const codeOf = (res: LightMyRequestResponse): string | undefined => {
  try {
    return res.json<{ code?: string }>().code;
  } catch {
    return undefined;
  }
};

describe.each(testDatabaseKinds)('access matrix on %s', (kind) => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  let endpoints: Endpoint[];
  const userIds = new Map<Role, string>();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const routes: RegisteredRoute[] = [];
    const config = { ...loadConfig({}), demoData: false, logLevel: 'silent' as const };
    app = await buildApp({ config, database, logger: false, serveWeb: false, onRoute: (route) => routes.push({ url: route.url, methods: [route.method].flat(), options: route }) });
    endpoints = endpointsOf(routes);
    for (const role of ROLES) userIds.set(role, (await makeUser(database.db, { role })).id);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** A fresh session per request, so that a route such as logout cannot spoil the next check. */
  async function call(endpoint: Endpoint, options: { role?: Role; csrf?: 'valid' | 'missing' | 'wrong' } = {}) {
    const headers: Record<string, string> = {};
    if (options.role) {
      const session = await createSession(database.db, { userId: userIds.get(options.role) ?? '', hours: 1, ip: null, userAgent: null });
      headers.cookie = `sinergi_session=${session.token}`;
      if (options.csrf !== 'missing') headers['x-csrf-token'] = options.csrf === 'wrong' ? 'forged-token' : session.csrfToken;
    }
    const payload = SAFE.has(endpoint.method) ? undefined : {};
    return app.inject({ method: endpoint.method, url: endpoint.path, headers, ...(payload ? { payload } : {}) });
  }

  it('enumerates every API route, each with an access rule', () => {
    const names = endpoints.map(label);
    for (const expected of ['POST /api/auth/login', 'GET /api/auth/me', 'POST /api/auth/logout', 'GET /api/users', 'POST /api/users/:id/disable', 'GET /api/health']) {
      expect(names).toContain(expected);
    }
    expect(endpoints.filter((e) => e.access !== 'public').length).toBeGreaterThan(5);
  });

  it('declares the intended rule on the account routes', () => {
    const declared = Object.fromEntries(endpoints.filter((e) => /^\/api\/(auth|users)\b/.test(e.url)).map((e) => [label(e), e.access]));
    expect(declared).toEqual(ACCOUNT_ROUTES);
  });

  it('serves every public page without parameters to anonymous callers, including the API docs', async () => {
    const pages = endpoints.filter((e) => e.access === 'public' && e.method === 'GET' && e.path === e.url);
    expect(pages.map(label)).toEqual(expect.arrayContaining(['GET /api/health', 'GET /api/docs']));
    const wrong: string[] = [];
    for (const endpoint of pages) {
      const res = await call(endpoint);
      if (res.statusCode >= 400) wrong.push(`${label(endpoint)} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 unauthenticated on every non-public route without a session', async () => {
    const wrong: string[] = [];
    for (const endpoint of endpoints) {
      const res = await call(endpoint);
      const refused = res.statusCode === 401 && codeOf(res) === 'unauthenticated';
      if (endpoint.access === 'public' ? refused || res.statusCode === 403 || res.statusCode >= 500 : !refused) {
        wrong.push(`${label(endpoint)} (${endpoint.access}) → ${res.statusCode} ${codeOf(res) ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)('lets %s through exactly where ROLE_PERMISSIONS allows', async (role) => {
    const wrong: string[] = [];
    for (const endpoint of endpoints) {
      const res = await call(endpoint, { role });
      const code = codeOf(res);
      const allowed = endpoint.access === 'public' || can(role, endpoint.access);
      const ok = allowed
        ? res.statusCode !== 401 && !REFUSALS.has(code ?? '') && res.statusCode < 500
        : res.statusCode === 403 && code === 'forbidden';
      if (!ok) wrong.push(`${label(endpoint)} (${endpoint.access}) → ${res.statusCode} ${code ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every cookie-authenticated write without or with a wrong CSRF token', async () => {
    const writes = endpoints.filter((e) => !SAFE.has(e.method) && e.access !== 'public');
    expect(writes.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const endpoint of writes) {
      for (const csrf of ['missing', 'wrong'] as const) {
        const res = await call(endpoint, { role: 'admin', csrf });
        if (res.statusCode !== 403 || codeOf(res) !== 'csrf_failed') wrong.push(`${label(endpoint)} (${csrf}) → ${res.statusCode} ${codeOf(res) ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
