import type { ColumnMapping, RowIssue } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { importOrder, type SheetInfo } from './batch-state.ts';
import { prepareChunk, type Lookups } from './prepare.ts';
import { familiesByNoKk, familyNoKksById, membersByNik, villageCodesUnder, type EarlierRow } from './queries.ts';
import { readSheets } from './read-file.ts';
import { FileReadError, type SourceRow, type StoredFile } from './read-types.ts';

export interface DryRunResult {
  rows: number;
  families: { accepted: number; rejected: number };
  members: { accepted: number; rejected: number };
  issues: { code: string; severity: 'error' | 'warning'; count: number; example: string }[];
  readError: string | null;
}

/**
 * Checks whole files as the import would, without writing anything: every row normalised and checked against the
 * region list, the operator's scope, the registry and the rest of the file. The keys seen are held in memory,
 * which is fine for a check run but is why the real import keeps them in the database instead.
 */
export async function dryRun(input: {
  db: Kysely<DB>;
  dataDir: string;
  files: StoredFile[];
  sheets: SheetInfo[];
  mappings: Record<string, ColumnMapping | null>;
  jurisdiction: string;
  scopeCodes: string[];
  onRows?: (rows: number) => void;
}): Promise<DryRunResult> {
  const seen = { family: new Map<string, EarlierRow>(), member: new Map<string, EarlierRow>() };
  const accepted = new Map<string, { villageCode: string }>();
  const lookups: Lookups = {
    earlierRows: async (entity, keys) => new Map(keys.flatMap((k) => (seen[entity].has(k) ? [[k, seen[entity].get(k)!] as const] : []))),
    families: async (noKks) => {
      const registered = await familiesByNoKk(input.db, noKks);
      for (const noKk of noKks) if (accepted.has(noKk)) registered.set(noKk, { id: '', ...accepted.get(noKk)! });
      return registered;
    },
    members: (niks) => membersByNik(input.db, niks),
    familyNoKks: (ids) => familyNoKksById(input.db, ids),
  };
  const villages = await villageCodesUnder(input.db, input.jurisdiction);
  const result: DryRunResult = { rows: 0, families: { accepted: 0, rejected: 0 }, members: { accepted: 0, rejected: 0 }, issues: [], readError: null };
  const issues = new Map<string, DryRunResult['issues'][number]>();
  const count = (list: RowIssue[]) => {
    for (const issue of list) {
      const entry = issues.get(issue.code) ?? { code: issue.code, severity: issue.severity, count: 0, example: issue.message.id };
      entry.count++;
      issues.set(issue.code, entry);
    }
  };
  const order = input.sheets
    .filter((s) => input.mappings[s.name])
    .sort((a, b) => importOrder(input.mappings[a.name]!.sheetKind) - importOrder(input.mappings[b.name]!.sheetKind));
  for (const sheet of order) {
    const mapping = input.mappings[sheet.name]!;
    const context = {
      lookups,
      mapping,
      normalize: { jurisdiction: input.jurisdiction, today: new Date() },
      villages,
      scopeCodes: input.scopeCodes,
      headerCount: sheet.headers.length,
    };
    const check = async (rows: SourceRow[]) => {
      const plan = await prepareChunk(context, sheet.name, rows);
      for (const row of plan.rows) {
        for (const entity of ['family', 'member'] as const) {
          const part = row[entity];
          if (!part) continue;
          count(part.issues);
          const tally = entity === 'family' ? result.families : result.members;
          if (part.rejected) tally.rejected++;
          else tally.accepted++;
          if (part.key && (!seen[entity].has(part.key) || (seen[entity].get(part.key)!.outcome === 'rejected' && !part.rejected))) {
            seen[entity].set(part.key, { key: part.key, sheet: sheet.name, rowNumber: row.rowNumber, outcome: part.rejected ? 'rejected' : 'added' });
          }
        }
      }
      for (const { record } of plan.families) accepted.set(record.noKk, { villageCode: record.villageCode });
      result.rows += rows.length;
      input.onRows?.(result.rows);
    };
    let chunk: SourceRow[] = [];
    try {
      for await (const reading of readSheets(input.dataDir, input.files[sheet.file]!)) {
        if (reading.name !== sheet.sheetName) continue;
        for await (const row of reading.rows) {
          chunk.push({ ...row, sheet: sheet.name });
          if (chunk.length >= 2_000) {
            await check(chunk);
            chunk = [];
          }
        }
        break;
      }
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      result.readError = error.reason.id;
    }
    if (chunk.length) await check(chunk);
  }
  result.issues = [...issues.values()].sort((a, b) => b.count - a.count);
  return result;
}
