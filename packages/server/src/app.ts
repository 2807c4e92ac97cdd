import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { registerAccessHooks } from './http/access-hooks.ts';
import { registerErrorHandling } from './http/errors.ts';
import { featureModules } from './modules/index.ts';
import './http/context.ts';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: boolean;
  /** Serve the built web app from packages/web/dist when it exists (default true). */
  serveWeb?: boolean;
  /** Called for every route as it is registered (tests use it to enumerate the API). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the HTTP application (not yet listening) around an open database. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  await app.register(fastifyCookie);
  // API answers (JSON lists, exports) compressed for slow mobile links; the web app's files come pre-compressed.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyRateLimit, { global: false });
  // Before any plugin adds routes, so that the docs routes, too, get the access rule and the coded errors.
  registerErrorHandling(app);
  registerAccessHooks(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Sinergi API', version: config.version, description: 'Cross-agency poverty alleviation platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sinergi_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  for (const module of featureModules) await app.register(module, { prefix: '/api' });

  if (options.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      // The build writes .br/.gz beside each file; phones on slow links get a fraction of the bytes.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, filePath) => {
        // Files under assets/ carry a content hash in their name: cache them for good. The rest must be revalidated.
        response.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Client-side routes (/login, /keluarga/…) all load the single-page app.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  await app.ready();
  return app;
}
