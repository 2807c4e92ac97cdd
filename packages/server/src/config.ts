import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  JURISDICTION: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, 'JURISDICTION must be a province (35) or regency (35.07) code')
    .default('35.07'),
  DEMO_DATA: bool.default(true),
  DEMO_FAMILIES: z.coerce.number().int().min(0).max(5_000_000).default(20_000),
  DEMO_SEED: z.coerce.number().int().default(2026),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPLOAD_DIR: z.string().optional(),
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(200_000),
  NOTIFICATION_EMAIL: bool.default(false),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  jurisdiction: string;
  demoData: boolean;
  demoFamilies: number;
  demoSeed: number;
  cookieSecure: boolean;
  /** Believe X-Forwarded-For (only behind a reverse proxy you control); else anyone could fake the audited address. */
  trustProxy: boolean;
  sessionHours: number;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  uploadDir: string;
  /** The largest registry export (families) one request may produce; a larger list is refused with export_too_large. */
  exportMaxRows: number;
  /** Also e-mail in-app notifications, through a sender the installation registers (modules/notifications/email.ts). */
  notificationEmail: boolean;
  version: string;
}

export const APP_VERSION = '0.1.0';

/** Reads configuration from environment variables; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    jurisdiction: e.JURISDICTION,
    demoData: e.DEMO_DATA,
    demoFamilies: e.DEMO_FAMILIES,
    demoSeed: e.DEMO_SEED,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    sessionHours: e.SESSION_HOURS,
    logLevel: e.LOG_LEVEL,
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, 'files')),
    exportMaxRows: e.EXPORT_MAX_ROWS,
    notificationEmail: e.NOTIFICATION_EMAIL,
    version: APP_VERSION,
  };
}
