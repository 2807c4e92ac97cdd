import type { Writable } from 'node:stream';
import { maskIdNumber, type ImportReportQuery, type RowIssue } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { sql, type Kysely, type QueryResult, type RawBuilder } from 'kysely';
import { csvField } from '../../../db/database.ts';
import type { DB } from '../../../db/schema/index.ts';
import type { BatchRow } from './batch-queries.ts';
import type { SheetInfo } from './batch-state.ts';

const PAGE_ROWS = 5_000;

const OUTCOME_LABELS = { added: 'ditambah', updated: 'diperbarui', unchanged: 'tidak berubah', rejected: 'ditolak' } as const;
const ENTITY_LABELS = { family: 'keluarga', member: 'anggota' } as const;

const FIXED_COLUMNS = [
  'Lembar / Sheet',
  'Baris / Row',
  'Data / Entity',
  'NIK / No KK',
  'No KK anggota / Member’s No KK',
  'Hasil / Outcome',
  'Alasan',
  'Reason (English)',
];

interface ResultRow {
  sheet: string;
  row_number: number;
  entity: 'family' | 'member';
  key: string | null;
  no_kk: string | null;
  outcome: keyof typeof OUTCOME_LABELS;
  issues: RowIssue[];
  raw: Record<string, unknown> | null;
}

/** Row results in file order, a page at a time (keyset), so that a million-row report never sits in memory. */
async function* resultPages(db: Kysely<DB>, batchId: string, outcome: ImportReportQuery['outcome']): AsyncGenerator<ResultRow[]> {
  let after: [string, number, string] | null = null;
  for (;;) {
    const position: RawBuilder<unknown> = after ? sql`AND (sheet, row_number, entity) > (${after[0]}, ${after[1]}, ${after[2]})` : sql``;
    const filter = outcome === 'rejected' ? sql`AND outcome = 'rejected'` : sql``;
    const page: QueryResult<ResultRow> = await sql<ResultRow>`
      SELECT sheet, row_number, entity, key, no_kk, outcome, issues, raw
      FROM import_row_result
      WHERE batch_id = ${batchId} ${filter} ${position}
      ORDER BY sheet, row_number, entity
      LIMIT ${PAGE_ROWS}`.execute(db);
    if (page.rows.length === 0) return;
    yield page.rows;
    const last: ResultRow = page.rows[page.rows.length - 1]!;
    after = [last.sheet, last.row_number, last.entity];
  }
}

export interface ReportOptions {
  format: ImportReportQuery['format'];
  outcome: ImportReportQuery['outcome'];
  /** Without unmask rights NIK/No KK are masked and the original cells (which hold them too) are left out. */
  unmasked: boolean;
}

type Cell = string | number | boolean | null;

function fixedCells(row: ResultRow, unmasked: boolean): Cell[] {
  const show = (value: string | null) => (value === null ? null : unmasked ? value : maskIdNumber(value));
  return [
    row.sheet,
    row.row_number,
    ENTITY_LABELS[row.entity],
    show(row.key),
    show(row.no_kk),
    OUTCOME_LABELS[row.outcome],
    reasons(row.issues, 'id', unmasked),
    reasons(row.issues, 'en', unmasked),
  ];
}

/** Messages quote the numbers they are about; masked, every 16-digit NIK or No KK in them is masked too. */
function reasons(issues: RowIssue[], language: 'id' | 'en', unmasked: boolean): string {
  const text = issues.map((i) => i.message[language]).join(' | ');
  return unmasked ? text : text.replace(/\d{16}/g, maskIdNumber);
}

function rawCells(row: ResultRow, headers: readonly string[]): Cell[] {
  return headers.map((h) => (row.raw?.[h] as Cell | undefined) ?? null);
}

/** Writes the per-row report (one worksheet per imported sheet in XLSX, one table in CSV) to `output` and returns the rows written. */
export async function writeReport(db: Kysely<DB>, batch: BatchRow, options: ReportOptions, output: Writable): Promise<number> {
  const sheets = batch.sheets as SheetInfo[];
  return options.format === 'xlsx' ? writeXlsx(db, batch.id, sheets, options, output) : writeCsv(db, batch.id, sheets, options, output);
}

async function writeXlsx(db: Kysely<DB>, batchId: string, sheets: SheetInfo[], options: ReportOptions, output: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const headersOf = new Map(sheets.map((s) => [s.name, options.unmasked ? s.headers : []]));
  let worksheet: ExcelJS.Worksheet | null = null;
  let current: string | null = null;
  let written = 0;
  const usedNames = new Set<string>();
  for await (const page of resultPages(db, batchId, options.outcome)) {
    for (const row of page) {
      if (row.sheet !== current) {
        worksheet?.commit();
        current = row.sheet;
        worksheet = workbook.addWorksheet(worksheetName(row.sheet, usedNames));
        const header = worksheet.addRow([...FIXED_COLUMNS, ...(headersOf.get(row.sheet) ?? [])]);
        header.font = { bold: true };
        header.commit();
      }
      worksheet!.addRow([...fixedCells(row, options.unmasked), ...rawCells(row, headersOf.get(row.sheet) ?? [])]).commit();
      written++;
    }
  }
  if (!worksheet) workbook.addWorksheet('Laporan').addRow(FIXED_COLUMNS).commit();
  else worksheet.commit();
  await workbook.commit();
  return written;
}

/** Excel allows 31 characters and no []:*?/\ in a worksheet name, unique per workbook. */
function worksheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'Lembar';
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}~${String(n)}`;
  used.add(candidate);
  return candidate;
}

async function writeCsv(db: Kysely<DB>, batchId: string, sheets: SheetInfo[], options: ReportOptions, output: Writable): Promise<number> {
  const headers = options.unmasked ? [...new Set(sheets.flatMap((s) => s.headers))] : [];
  const line = (cells: Cell[]) => cells.map((c) => (c === null ? '' : csvField(c))).join(',') + '\r\n';
  // The byte-order mark makes Excel open the file as UTF-8 (names with accents stay readable).
  await write(output, '\ufeff' + line([...FIXED_COLUMNS, ...headers]));
  let written = 0;
  for await (const page of resultPages(db, batchId, options.outcome)) {
    await write(output, page.map((row) => line([...fixedCells(row, options.unmasked), ...rawCells(row, headers)])).join(''));
    written += page.length;
  }
  output.end();
  return written;
}

function write(output: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (output.write(text)) resolve();
    else {
      output.once('drain', resolve);
      output.once('error', reject);
    }
  });
}
