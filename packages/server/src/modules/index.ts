import type { FastifyPluginAsync } from 'fastify';
import { agencyRoutes } from './agencies/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { coverageRoutes } from './cross-program/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { partnerRoutes } from './partners/routes.ts';
import { pathwayRoutes } from './pathways/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { programRoutes } from './programs/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { referralRoutes } from './referrals/routes.ts';
import { distributionRoutes } from './programs/distribution/routes.ts';
import { realisationRoutes } from './programs/realisation/routes.ts';
import { regionRoutes } from './regions/routes.ts';
import { renovationRoutes } from './renovation/routes.ts';
import { duplicateRoutes } from './registry/duplicates/routes.ts';
import { registryImportRoutes } from './registry/import/routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { registryEditRoutes } from './registry/edit/routes.ts';
import { registryExportRoutes } from './registry/export/routes.ts';
import { registryHistoryRoutes } from './registry/history/routes.ts';
import { registryTimelineRoutes } from './registry/timeline/routes.ts';
import { trainingRoutes } from './training/routes.ts';
import { userRoutes } from './users/routes.ts';

/** Every feature's routes, mounted under /api. */
export const featureModules: FastifyPluginAsync[] = [healthRoutes, authRoutes, userRoutes, agencyRoutes, partnerRoutes, regionRoutes, auditRoutes, registryRoutes, registryExportRoutes, registryEditRoutes, registryHistoryRoutes, registryTimelineRoutes, registryImportRoutes, duplicateRoutes, privacyRoutes, dashboardRoutes, programRoutes, coverageRoutes, distributionRoutes, realisationRoutes, referralRoutes, notificationRoutes, pathwayRoutes, renovationRoutes, trainingRoutes];
