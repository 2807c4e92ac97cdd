import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { localIsoDate, maskIdNumber, type CoverageQuery } from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { AppError, requestLanguage } from '../../http/errors.ts';
import type { ProgramContext } from '../programs/context.ts';
import { audit } from '../programs/service.ts';
import { coverageFilter } from './filter.ts';
import { untouchedIdsSql } from './untouched.ts';

const CHUNK = 2_000;
/** One worksheet holds at most 1,048,576 rows, one of them the header. */
const SHEET_MAX_ROWS = 1_048_575;

interface ExportRow {
  id: string;
  no_kk: string;
  head_name: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  village_code: string;
  village_name: string;
  kecamatan_name: string;
  desil: number | null;
  member_count: number;
}

const COLUMNS: { id: string; en: string; width: number; value: (row: ExportRow) => string | number | null }[] = [
  { id: 'No KK', en: 'Family card no. (No KK)', width: 20, value: (row) => maskIdNumber(row.no_kk) },
  { id: 'Kepala keluarga', en: 'Head of family', width: 28, value: (row) => row.head_name },
  { id: 'Alamat', en: 'Address', width: 36, value: (row) => row.address },
  { id: 'RT', en: 'RT', width: 6, value: (row) => row.rt },
  { id: 'RW', en: 'RW', width: 6, value: (row) => row.rw },
  { id: 'Desa/kelurahan', en: 'Village', width: 20, value: (row) => row.village_name },
  { id: 'Kode desa', en: 'Village code', width: 15, value: (row) => row.village_code },
  { id: 'Kecamatan', en: 'District (kecamatan)', width: 18, value: (row) => row.kecamatan_name },
  { id: 'Desil nasional', en: 'National decile', width: 10, value: (row) => row.desil },
  { id: 'Jumlah anggota', en: 'Members', width: 10, value: (row) => row.member_count },
];

export interface PreparedUntouchedExport {
  fileName: string;
  /** Streams the workbook into `output` and ends it; resolves with the rows written. */
  write(output: Writable): Promise<number>;
}

/**
 * The untouched poor families of the user's scope as XLSX, No KK always masked. Checked and audited before a byte is
 * sent; a list over the installation's export limit is refused (export_too_large).
 */
export async function prepareUntouchedExport(context: ProgramContext, query: CoverageQuery): Promise<PreparedUntouchedExport> {
  const filter = await coverageFilter(context, query);
  const ids = (await sql<{ family_id: string }>`${untouchedIdsSql(filter)}`.execute(context.db)).rows.map((row) => row.family_id);
  const limit = Math.min(context.config.exportMaxRows, SHEET_MAX_ROWS);
  if (ids.length > limit) throw new AppError('export_too_large', { total: ids.length, limit });
  await audit(context, { action: 'export', entity: 'coverage_untouched', details: { year: filter.year, region: filter.region, format: 'xlsx', rows: ids.length } });
  const language = context.request ? requestLanguage(context.request) : 'id';
  return {
    fileName: `${language === 'en' ? 'untouched-families' : 'keluarga-belum-tersentuh'}-${localIsoDate(new Date())}.xlsx`,
    write: (output) => writeWorkbook(context, ids, language, output),
  };
}

async function writeWorkbook(context: ProgramContext, ids: string[], language: 'id' | 'en', output: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(language === 'en' ? 'Untouched families' : 'Belum tersentuh', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  const header = sheet.addRow(COLUMNS.map((column) => column[language]));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const rows = await sql<ExportRow>`
      SELECT f.id, f.no_kk, f.head_name, f.address, f.rt, f.rw, f.village_code, v.name AS village_name, k.name AS kecamatan_name,
             f.desil_national AS desil, f.member_count
        FROM family f JOIN region v ON v.code = f.village_code JOIN region k ON k.code = f.kecamatan_code
       WHERE f.id = ANY(${chunk}::uuid[])`.execute(context.db);
    const byId = new Map(rows.rows.map((row) => [row.id, row]));
    for (const id of chunk) {
      const row = byId.get(id);
      // A family deleted since the list was read is left out rather than written half.
      if (!row) continue;
      sheet.addRow(COLUMNS.map((column) => column.value(row))).commit();
      written += 1;
    }
    if (output.writableNeedDrain) await once(output, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
