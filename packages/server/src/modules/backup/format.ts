import { z } from 'zod';

/**
 * A Sinergi backup is a gzip'd plain-SQL file in pg_dump's layout (schema, COPY blocks, constraints),
 * framed by a header line that says what made it and a trailer line that proves it is complete.
 * Without the frame it is still a file that `psql` can load.
 */
export const BACKUP_HEADER_PREFIX = '-- sinergi-backup: ';
export const BACKUP_TRAILER = '-- sinergi-backup-complete';
export const BACKUP_FORMAT = 1;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  appVersion: z.string(),
  createdAt: z.string(),
  source: z.enum(['embedded', 'postgres']),
  /** Migrations applied to the database when it was backed up; a restore refuses migrations it does not know. */
  migrations: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export function headerLine(header: BackupHeader): string {
  return BACKUP_HEADER_PREFIX + JSON.stringify(header) + '\n';
}

export function parseHeaderLine(line: string): BackupHeader | null {
  if (!line.startsWith(BACKUP_HEADER_PREFIX)) return null;
  try {
    const parsed = BackupHeader.safeParse(JSON.parse(line.slice(BACKUP_HEADER_PREFIX.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Double-quotes an identifier the way PostgreSQL expects. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
