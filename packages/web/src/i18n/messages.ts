import coreEn from './en.json';
import coreId from './id.json';
import renovationEn from '../features/renovation/i18n/en.json';
import renovationId from '../features/renovation/i18n/id.json';
import distributionEn from '../features/distribution/i18n/en.json';
import distributionId from '../features/distribution/i18n/id.json';
import programsEn from '../features/programs/i18n/en.json';
import programsId from '../features/programs/i18n/id.json';
import coverageEn from '../features/cross-program/i18n/en.json';
import coverageId from '../features/cross-program/i18n/id.json';
import pathwaysEn from '../features/pathways/i18n/en.json';
import pathwaysId from '../features/pathways/i18n/id.json';
import trainingEn from '../features/training/i18n/en.json';
import trainingId from '../features/training/i18n/id.json';
import referralsEn from '../features/referrals/i18n/en.json';
import referralsId from '../features/referrals/i18n/id.json';
import notificationsEn from '../features/notifications/i18n/en.json';
import notificationsId from '../features/notifications/i18n/id.json';

/**
 * The interface texts: the core files here plus each feature's own `features/<feature>/i18n/{id,en}.json` (one top-level
 * key per feature), so features add texts without touching one shared file.
 */
export const id = { ...coreId, ...distributionId, ...programsId, ...coverageId, ...pathwaysId, ...referralsId, ...notificationsId, ...trainingId, ...renovationId };
export const en = { ...coreEn, ...distributionEn, ...programsEn, ...coverageEn, ...pathwaysEn, ...referralsEn, ...notificationsEn, ...trainingEn, ...renovationEn };
