import coreEn from './en.json';
import coreId from './id.json';

/**
 * The interface texts: the core files here plus each feature's own `features/<feature>/i18n/{id,en}.json` (one top-level
 * key per feature), so features add texts without touching one shared file.
 */
export const id = { ...coreId };
export const en = { ...coreEn };
