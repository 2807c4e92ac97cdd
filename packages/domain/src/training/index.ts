export * from './completion.ts';
export * from './follow-ups.ts';
export * from './rates.ts';
export * from './report.ts';
