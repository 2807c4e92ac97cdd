import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { DECREE_COLUMNS, type DecreeLine } from './export-rows.ts';

/** What the heading of an exported decree list says. */
export interface DecreeHeading {
  programName: string;
  agencyName: string;
  number: string;
  decreeDate: string;
  signedBy: string;
  title: string | null;
  masked: boolean;
}

function headingLines(heading: DecreeHeading): string[] {
  return [
    `LAMPIRAN KEPUTUSAN NOMOR ${heading.number} TANGGAL ${heading.decreeDate}`,
    heading.title ?? `DAFTAR PENERIMA ${heading.programName.toUpperCase()}`,
    `${heading.agencyName} — ${heading.programName}`,
    `Ditandatangani oleh: ${heading.signedBy}`,
    ...(heading.masked ? ['NIK dan No KK disamarkan sesuai ketentuan pelindungan data pribadi (UU 27/2022).'] : []),
  ];
}

export async function writeDecreeXlsx(heading: DecreeHeading, lines: readonly DecreeLine[], output: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet('Daftar Penerima', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = DECREE_COLUMNS.map((column) => ({ key: column.key, width: column.width }));
  for (const [index, text] of headingLines(heading).entries()) {
    const row = sheet.addRow([text]);
    row.font = { bold: index < 2 };
    sheet.mergeCells(row.number, 1, row.number, DECREE_COLUMNS.length);
  }
  sheet.addRow([]);
  const header = sheet.addRow(DECREE_COLUMNS.map((column) => column.title));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const line of lines) {
    const row = sheet.addRow(DECREE_COLUMNS.map((column) => line[column.key]));
    // NIK and No KK are text: as numbers Excel would show 3.507E+15 and drop the last digits.
    row.getCell(2).numFmt = '@';
    row.getCell(3).numFmt = '@';
  }
  sheet.addRow([]);
  sheet.addRow([`Jumlah: ${lines.length} keluarga`]).font = { bold: true };
  await workbook.xlsx.write(output);
  output.end();
}

const MARGIN = 36;
const ROW_PADDING = 3;
const FONT_SIZE = 8;

export async function writeDecreePdf(heading: DecreeHeading, lines: readonly DecreeLine[], output: Writable): Promise<void> {
  const document = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: `SK ${heading.number}`, Creator: 'Sinergi' } });
  const finished = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
  });
  document.pipe(output);
  const usable = document.page.width - 2 * MARGIN;
  const totalWidth = DECREE_COLUMNS.reduce((sum, column) => sum + column.width, 0);
  const widths = DECREE_COLUMNS.map((column) => (column.width / totalWidth) * usable);
  const bottom = () => document.page.height - MARGIN - 14;

  const drawRow = (cells: string[], bold: boolean) => {
    document.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    const height = Math.max(...cells.map((text, index) => document.heightOfString(text, { width: (widths[index] ?? 0) - 2 * ROW_PADDING }))) + 2 * ROW_PADDING;
    if (document.y + height > bottom()) {
      document.addPage();
      drawHeader();
    }
    const top = document.y;
    let x = MARGIN;
    cells.forEach((text, index) => {
      const width = widths[index] ?? 0;
      document.rect(x, top, width, height).stroke('#999999');
      document.fillColor('#000000').text(text, x + ROW_PADDING, top + ROW_PADDING, { width: width - 2 * ROW_PADDING });
      x += width;
    });
    document.x = MARGIN;
    document.y = top + height;
  };
  const drawHeader = () => drawRow(DECREE_COLUMNS.map((column) => column.title), true);

  for (const [index, text] of headingLines(heading).entries()) {
    document.font(index < 2 ? 'Helvetica-Bold' : 'Helvetica').fontSize(index < 2 ? 11 : 9).text(text, { align: index < 2 ? 'center' : 'left' });
  }
  document.moveDown(0.5);
  drawHeader();
  for (const line of lines) drawRow(DECREE_COLUMNS.map((column) => String(line[column.key] ?? '')), false);
  document.moveDown(0.5);
  document.font('Helvetica-Bold').fontSize(9).text(`Jumlah: ${lines.length} keluarga`, MARGIN);

  const range = document.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    document.switchToPage(page);
    document.font('Helvetica').fontSize(7).text(`SK ${heading.number} — halaman ${page + 1} dari ${range.count}`, MARGIN, document.page.height - MARGIN - 12, {
      width: usable, align: 'right', lineBreak: false,
    });
  }
  document.end();
  await finished;
}
