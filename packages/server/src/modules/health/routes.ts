import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
  jurisdiction: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health } } },
    async () => {
      await sql`SELECT 1`.execute(app.database.db);
      return { status: 'ok' as const, database: app.database.kind, version: app.config.version, jurisdiction: app.config.jurisdiction };
    },
  );
};
