export * from './access.ts';
export * from './errors.ts';
export * from './schemas/common.ts';
export * from './schemas/agencies.ts';
export * from './schemas/partners.ts';
export * from './schemas/auth.ts';
export * from './schemas/regions.ts';
export * from './schemas/audit.ts';
