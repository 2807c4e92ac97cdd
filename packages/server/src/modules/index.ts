import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health/routes.ts';

/** Every feature's routes, mounted under /api. */
export const featureModules: FastifyPluginAsync[] = [healthRoutes];
