import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  missingRequiredFields,
  suggestMapping,
  type ColumnMapping,
  type ImportBatch,
  type ImportBatchListQuery,
  type ImportBatchSummary,
  type ImportMappingBody,
  type ImportPreview,
  type Page,
} from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import type { DB } from '../../../db/schema/index.ts';
import type { SessionUser } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { findBatch, insertBatch, saveMapping, type BatchRow } from './batch-queries.ts';
import type { BatchMapping, BatchSamples, InspectedSheet, SheetInfo } from './batch-state.ts';
import { inspectFiles, UnreadableFileError } from './inspect.ts';
import { previewSheets } from './preview.ts';
import { villageCodesUnder } from './queries.ts';
import type { StoredFile } from './read-types.ts';
import { removeBatchFiles, storeUpload, UnsupportedFileError } from './storage.ts';
import { saveTemplate, templatesFor } from './templates.ts';
import { batchSummary, batchView } from './view.ts';

/** Who acts on a batch: the signed-in user, or the CLI's operator account. */
export type Actor = Pick<SessionUser, 'id' | 'username' | 'agencyId' | 'scopeCodes'>;

export interface UploadedFile {
  fileName: string;
  stream: Readable;
}

function uploadError(error: unknown): never {
  if (error instanceof UnsupportedFileError) {
    if (error.kind === 'xls') throw new AppError('import_xls_unsupported', { file: error.fileName });
    if (error.kind === 'empty') throw new AppError('import_empty_file', { file: error.fileName });
    throw new AppError('import_unsupported_file', { file: error.fileName });
  }
  if (error instanceof UnreadableFileError) {
    const reason = error.reason ?? { id: 'tidak ada baris data.', en: 'it holds no data rows.' };
    throw new AppError('import_unreadable_file', { file: error.fileName, reason: reason.id }, { reason });
  }
  throw error;
}

/**
 * Stores the uploaded files (families and members may come as two), reads each once for sheets, headers, sample rows
 * and row counts, and records a batch in status `uploaded`. Nothing is imported yet.
 */
export async function createBatch(db: Kysely<DB>, config: Config, actor: Actor, uploads: AsyncIterable<UploadedFile>): Promise<ImportBatch> {
  const id = crypto.randomUUID();
  const files: StoredFile[] = [];
  let sheets: InspectedSheet[];
  try {
    for await (const upload of uploads) files.push(await storeUpload(config.dataDir, id, files.length, upload.fileName, upload.stream));
    if (files.length === 0) throw new AppError('import_no_file');
    sheets = await inspectFiles(config.dataDir, files);
  } catch (error) {
    await removeBatchFiles(config.dataDir, id);
    uploadError(error);
  }
  await insertBatch(db, { id, files, sheets, createdBy: actor.id, agencyId: actor.agencyId, scopeCodes: actor.scopeCodes });
  return getBatch(db, actor, id);
}

/** A batch the actor may see: his own, or any when his scope is the whole jurisdiction; else not_found. */
export async function batchFor(db: Kysely<DB>, actor: Actor, id: string): Promise<BatchRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findBatch(db, id) : undefined;
  if (!row || (actor.scopeCodes.length > 0 && row.created_by !== actor.id)) throw new AppError('not_found');
  return row;
}

async function creatorName(db: Kysely<DB>, row: BatchRow): Promise<string | null> {
  if (!row.created_by) return null;
  const user = await db.selectFrom('app_user').select('username').where('id', '=', row.created_by).executeTakeFirst();
  return user?.username ?? null;
}

export async function getBatch(db: Kysely<DB>, actor: Actor, id: string): Promise<ImportBatch> {
  const row = await batchFor(db, actor, id);
  return batchView({ ...row, created_by_name: await creatorName(db, row) }, await templatesFor(db, actor.agencyId));
}

export async function listBatches(db: Kysely<DB>, actor: Actor, query: ImportBatchListQuery): Promise<Page<ImportBatchSummary>> {
  let base = db.selectFrom('import_batch');
  if (actor.scopeCodes.length > 0) base = base.where('import_batch.created_by', '=', actor.id);
  if (query.status) base = base.where('import_batch.status', '=', query.status);
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('app_user', 'app_user.id', 'import_batch.created_by')
    .selectAll('import_batch')
    .select('app_user.username as created_by_name')
    .orderBy('import_batch.created_at', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(batchSummary), total: total.n, page: query.page, pageSize: query.pageSize };
}

function assertMappingFits(sheet: SheetInfo, mapping: ColumnMapping): void {
  const headers = new Set(sheet.headers);
  const unknown = [...Object.values(mapping.family), ...Object.values(mapping.member)].filter((h) => h !== undefined && !headers.has(h));
  if (unknown.length) {
    throw new AppError('import_mapping_incomplete', { missing: `${sheet.name}: ${[...new Set(unknown)].join(', ')}` }, { sheet: sheet.name, unknownHeaders: unknown });
  }
  const missing = missingRequiredFields(mapping);
  if (missing.length) throw new AppError('import_mapping_incomplete', { missing: `${sheet.name}: ${missing.join(', ')}` }, { sheet: sheet.name, missing });
}

/** Confirms the column mapping of every sheet (null leaves one out); optionally saves it as templates for next time. */
export async function setMapping(db: Kysely<DB>, actor: Actor, id: string, body: ImportMappingBody): Promise<ImportBatch> {
  const row = await batchFor(db, actor, id);
  if (row.status !== 'uploaded' && row.status !== 'mapped') throw new AppError('import_wrong_status', { status: row.status });
  const sheets = row.sheets as SheetInfo[];
  const unknownSheets = Object.keys(body.sheets).filter((name) => !sheets.some((s) => s.name === name));
  if (unknownSheets.length) throw new AppError('validation_failed', {}, [{ path: 'sheets', message: `unknown sheet: ${unknownSheets.join(', ')}` }]);
  const mapping: BatchMapping = {};
  for (const sheet of sheets) {
    const sheetMapping = (body.sheets[sheet.name] ?? null);
    if (sheetMapping) assertMappingFits(sheet, sheetMapping);
    mapping[sheet.name] = sheetMapping;
  }
  const mapped = sheets.filter((s) => mapping[s.name]);
  if (mapped.length === 0) throw new AppError('import_mapping_incomplete', { missing: 'minimal satu lembar / at least one sheet' });
  await db.transaction().execute(async (trx) => {
    await saveMapping(trx, id, mapping, body.templateId ?? null, mapped.reduce((sum, s) => sum + s.rowsTotal, 0));
    if (body.saveAsTemplate) {
      for (const sheet of mapped) {
        const name = mapped.length > 1 ? `${body.saveAsTemplate} — ${sheet.name}` : body.saveAsTemplate;
        await saveTemplate(trx, { name, mapping: mapping[sheet.name]!, createdBy: actor.id, agencyId: actor.agencyId });
      }
    }
  });
  return getBatch(db, actor, id);
}

/** The mapping each sheet is previewed with: the confirmed one, else the best template's suggestion. */
async function effectiveMappings(db: Kysely<DB>, actor: Actor, row: BatchRow): Promise<Record<string, ColumnMapping | null>> {
  if (row.mapping) return row.mapping as BatchMapping;
  const templates = await templatesFor(db, actor.agencyId);
  const mappings: Record<string, ColumnMapping | null> = {};
  for (const sheet of row.sheets as SheetInfo[]) mappings[sheet.name] = suggestMapping(sheet.headers, templates).mapping;
  return mappings;
}

export async function previewBatch(db: Kysely<DB>, config: Config, actor: Actor, id: string): Promise<ImportPreview> {
  const row = await batchFor(db, actor, id);
  return previewSheets({
    db,
    sheets: row.sheets as SheetInfo[],
    samples: row.samples as BatchSamples,
    mappings: await effectiveMappings(db, actor, row),
    jurisdiction: config.jurisdiction,
    villages: await villageCodesUnder(db, config.jurisdiction),
    scopeCodes: row.scope_codes,
  });
}
