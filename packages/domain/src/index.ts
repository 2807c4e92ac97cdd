export * from './access.ts';
export * from './errors.ts';
