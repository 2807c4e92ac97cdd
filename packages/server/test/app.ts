import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { DatabaseHandle, DatabaseKind } from '../src/db/database.ts';
import { openTestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

/** A running app (no network port) on a fresh database of the given kind. */
export async function startTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  // Tests stand in for many clients by sending X-Forwarded-For, as a reverse proxy would.
  const config = { ...loadConfig({}), demoData: false, logLevel: 'silent' as const, trustProxy: true, ...overrides };
  const app = await buildApp({ config, database, logger: false, serveWeb: false });
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class TestClient {
  private cookie = '';
  csrfToken = '';
  constructor(private readonly app: FastifyInstance, private readonly language: 'id' | 'en' = 'id') {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { 'accept-language': this.language, ...(options.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.method && options.method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    const response = await this.app.inject({ ...options, headers });
    const setCookie = response.cookies.find((c) => c.name === 'sinergi_session');
    if (setCookie) this.cookie = setCookie.value ? `sinergi_session=${setCookie.value}` : '';
    return response;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: object) {
    return this.request({ method: 'POST', url, ...(payload ? { payload } : {}) });
  }
  put(url: string, payload?: object) {
    return this.request({ method: 'PUT', url, ...(payload ? { payload } : {}) });
  }
  patch(url: string, payload?: object) {
    return this.request({ method: 'PATCH', url, ...(payload ? { payload } : {}) });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}
