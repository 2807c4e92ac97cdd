import PDFDocument from 'pdfkit';

/** A small layout on top of pdfkit for plain reports: headings, label–value lists and wrapped tables across pages. */

const MARGIN = 50;
const FONT_SIZE = 9;
const LABEL_WIDTH = 170;
const CELL_PADDING = 3;

export interface Column {
  header: string;
  /** Share of the page width; the shares of a table add up to 1. */
  share: number;
}

export class PdfReport {
  readonly doc: PDFKit.PDFDocument;

  constructor(options: { compress?: boolean; title: string; author: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      compress: options.compress ?? true,
      lang: 'id-ID',
      info: { Title: options.title, Author: options.author, Creator: 'Sinergi' },
    });
    this.doc.font('Helvetica').fontSize(FONT_SIZE);
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, subtitle: string): void {
    this.doc.font('Helvetica-Bold').fontSize(16).text(text, MARGIN, this.doc.y, { width: this.width, align: 'center' });
    this.doc.font('Helvetica').fontSize(10).text(subtitle, { width: this.width, align: 'center' });
    this.doc.moveDown(1).fontSize(FONT_SIZE);
  }

  section(number: number, text: string): void {
    this.ensureSpace(60);
    this.doc.moveDown(0.8);
    this.doc.font('Helvetica-Bold').fontSize(12).text(`${number}. ${text}`, MARGIN, this.doc.y, { width: this.width });
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(0.5).strokeColor('#888888').stroke();
    this.doc.moveDown(0.5).font('Helvetica').fontSize(FONT_SIZE).fillColor('black');
  }

  note(text: string): void {
    this.ensureSpace(20);
    this.doc.font('Helvetica-Oblique').fillColor('#444444').text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.font('Helvetica').fillColor('black').moveDown(0.4);
  }

  /** Label–value lines; a long value wraps beside its label. */
  fields(pairs: [label: string, value: string][]): void {
    const valueWidth = this.width - LABEL_WIDTH;
    for (const [label, value] of pairs) {
      this.doc.font('Helvetica');
      const height = Math.max(this.doc.heightOfString(value, { width: valueWidth }), this.doc.heightOfString(label, { width: LABEL_WIDTH - 8 }));
      this.ensureSpace(height + 2);
      const y = this.doc.y;
      this.doc.font('Helvetica-Bold').text(label, MARGIN, y, { width: LABEL_WIDTH - 8 });
      this.doc.font('Helvetica').text(value, MARGIN + LABEL_WIDTH, y, { width: valueWidth });
      this.doc.y = y + height + 2;
    }
    this.doc.x = MARGIN;
  }

  /** A table whose cells wrap; the header is repeated on every page the table spans. */
  table(columns: Column[], rows: string[][]): void {
    const widths = columns.map((c) => c.share * this.width);
    const rowHeight = (cells: string[], font: string) => {
      this.doc.font(font);
      return Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
    };
    const drawRow = (cells: string[], font: string, shade: boolean) => {
      const height = rowHeight(cells, font);
      const y = this.doc.y;
      if (shade) this.doc.rect(MARGIN, y, this.width, height).fillColor('#eeeeee').fill().fillColor('black');
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        this.doc.font(font).text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: width - 2 * CELL_PADDING });
        x += width;
      });
      this.doc.moveTo(MARGIN, y + height).lineTo(MARGIN + this.width, y + height).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
      this.doc.y = y + height;
    };
    const headers = columns.map((c) => c.header);
    this.ensureSpace(rowHeight(headers, 'Helvetica-Bold') + rowHeight(rows[0] ?? [''], 'Helvetica'));
    drawRow(headers, 'Helvetica-Bold', true);
    for (const row of rows) {
      if (this.doc.y + rowHeight(row, 'Helvetica') > this.bottom) {
        this.doc.addPage();
        drawRow(headers, 'Helvetica-Bold', true);
      }
      drawRow(row, 'Helvetica', false);
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.5);
  }

  /** Writes the footer on every page and returns the finished document. */
  async finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing below the bottom margin would make pdfkit add a page; lift the margin for the footer line.
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font('Helvetica').fontSize(8).fillColor('#555555').text(footer(i + 1, range.count), MARGIN, this.doc.page.height - 35, { width: this.width, align: 'center' });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    await ended;
    return Buffer.concat(chunks);
  }
}
