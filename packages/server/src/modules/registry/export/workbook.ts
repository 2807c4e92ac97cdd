import type { FamilySort } from '@sinergi/domain';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { listFamilies, type FamilyFilter, type FamilyListRow } from '../queries.ts';
import { FAMILY_COLUMNS, MEMBER_COLUMNS, type CellView, type ColumnDef, type ExportFamily } from './columns.ts';
import { currentMembersOf, familyExtras, type ExportMemberRow } from './queries.ts';

const PAGE_ROWS = 2_000;

export interface WorkbookPlan {
  filter: FamilyFilter;
  sort: FamilySort;
  /** Rows never exceed this, even when families were added between counting and writing. */
  maxRows: number;
  includeMembers: boolean;
  view: CellView;
  /** Label/value lines of the information sheet: who exported what, when, masked or not. */
  info: [string, string][];
}

/**
 * The filtered list a page at a time in the list's own order (ties broken by id, so offsets are stable).
 * Written page by page, so that memory stays flat whatever the number of families.
 */
async function* familyPages(db: Kysely<DB>, plan: WorkbookPlan): AsyncGenerator<ExportFamily[]> {
  for (let offset = 0; offset < plan.maxRows; offset += PAGE_ROWS) {
    const rows: FamilyListRow[] = await listFamilies(db, plan.filter, plan.sort, { limit: Math.min(PAGE_ROWS, plan.maxRows - offset), offset });
    if (rows.length === 0) return;
    const extras = new Map((await familyExtras(db, rows.map((r) => r.id))).map((e) => [e.id, e]));
    // A family deleted between the two reads is left out rather than written half.
    yield rows.flatMap((row) => {
      const extra = extras.get(row.id);
      return extra ? [{ row, extras: extra }] : [];
    });
    if (rows.length < PAGE_ROWS) return;
  }
}

/** Waits while the client reads slower than the database answers, so that rows do not pile up in memory. */
async function drained(output: Writable): Promise<void> {
  if (output.writableNeedDrain) await once(output, 'drain');
}

function addSheet<R>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: ColumnDef<R>[], view: CellView) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.addRow(columns.map((c) => c.header[view.language]));
  header.font = { bold: true };
  header.commit();
  return { sheet, write: (row: R) => sheet.addRow(columns.map((c) => c.value(row, view))).commit() };
}

/** Writes the families sheet, the members sheet when asked, and an information sheet; returns the family rows written. */
export async function writeFamilyWorkbook(db: Kysely<DB>, plan: WorkbookPlan, output: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const english = plan.view.language === 'en';
  const families = addSheet(workbook, english ? 'Families' : 'Keluarga', FAMILY_COLUMNS, plan.view);
  let written = 0;
  for await (const page of familyPages(db, plan)) {
    for (const family of page) families.write(family);
    written += page.length;
    await drained(output);
  }
  families.sheet.commit();
  if (plan.includeMembers) {
    // A second pass in the same order keeps each family's members together without holding the first pass in memory.
    const members = addSheet(workbook, english ? 'Members' : 'Anggota', MEMBER_COLUMNS, plan.view);
    for await (const page of familyPages(db, plan)) {
      const byFamily = new Map<string, ExportMemberRow[]>();
      for (const member of await currentMembersOf(db, page.map((f) => f.row.id))) byFamily.set(member.family_id, [...(byFamily.get(member.family_id) ?? []), member]);
      for (const family of page) for (const member of byFamily.get(family.row.id) ?? []) members.write({ noKk: family.extras.no_kk, member });
      await drained(output);
    }
    members.sheet.commit();
  }
  const info = workbook.addWorksheet(english ? 'Information' : 'Keterangan');
  info.columns = [{ width: 28 }, { width: 80 }];
  for (const line of plan.info) info.addRow(line).commit();
  info.commit();
  await workbook.commit();
  return written;
}
