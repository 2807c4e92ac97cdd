import type { Permission, Role } from '@sinergi/domain';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';

/** The signed-in user as every route sees it. */
export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string;
  scopeCodes: string[];
  language: 'id' | 'en';
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

/** What a route needs: 'public' (no login), or a permission from the access table. */
export type RouteAccess = 'public' | Permission;

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    config: Config;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
