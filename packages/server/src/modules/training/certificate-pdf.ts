import PDFDocument from 'pdfkit';

/** What a training certificate says. */
export interface CertificateContent {
  number: string;
  participantName: string;
  courseName: string;
  hours: number | null;
  agencyName: string;
  lpkName: string | null;
  placeName: string;
  startDate: string;
  endDate: string;
  attendancePercent: number | null;
  issuedOn: string;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** '2026-05-29' → '29 Mei 2026', as dates are written on Indonesian documents. */
export function indonesianDate(date: string): string {
  const [year = '', month = '1', day = '1'] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year}`;
}

/** One certificate on an A4 landscape page; `compress: false` leaves the text searchable (tests). */
export async function renderCertificatePdf(content: CertificateContent, options: { compress?: boolean } = {}): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: 56, compress: options.compress ?? true,
    info: { Title: `Sertifikat ${content.number}`, Author: content.agencyName, Creator: 'Sinergi' },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  const { width, height } = document.page;
  document.lineWidth(3).rect(24, 24, width - 48, height - 48).stroke('#1c4e80');
  document.lineWidth(1).rect(32, 32, width - 64, height - 64).stroke('#1c4e80');
  const center = (text: string, font: string, size: number, gap = 0.4) => {
    document.font(font).fontSize(size).fillColor('#000000').text(text, 56, undefined, { width: width - 112, align: 'center' });
    document.moveDown(gap);
  };
  document.y = 80;
  center(content.agencyName.toUpperCase(), 'Helvetica-Bold', 14);
  center('SERTIFIKAT PELATIHAN', 'Helvetica-Bold', 28, 0.2);
  center('Training certificate', 'Helvetica-Oblique', 11, 0.2);
  center(`Nomor: ${content.number}`, 'Helvetica', 11, 1.2);
  center('Diberikan kepada / Awarded to', 'Helvetica', 12, 0.4);
  center(content.participantName, 'Helvetica-Bold', 24, 0.8);
  const hours = content.hours ? ` (${content.hours} jam pelajaran)` : '';
  const partner = content.lpkName ? ` bekerja sama dengan ${content.lpkName}` : '';
  center(
    `yang telah mengikuti dan dinyatakan LULUS pelatihan ${content.courseName}${hours} yang diselenggarakan oleh ${content.agencyName}${partner} `
      + `di ${content.placeName}, ${indonesianDate(content.startDate)} s.d. ${indonesianDate(content.endDate)}.`,
    'Helvetica', 12, 0.4,
  );
  if (content.attendancePercent !== null) center(`Kehadiran / attendance: ${content.attendancePercent.toLocaleString('id-ID')}%`, 'Helvetica', 11, 1.5);
  const signatureX = width - 56 - 260;
  const signatureY = Math.max(document.y, height - 190);
  document.font('Helvetica').fontSize(11).text(`Diterbitkan / issued ${indonesianDate(content.issuedOn)}`, signatureX, signatureY, { width: 260, align: 'center' });
  document.text(`Kepala ${content.agencyName}`, signatureX, undefined, { width: 260, align: 'center' });
  document.moveDown(3.5);
  document.text('( ................................................ )', signatureX, undefined, { width: 260, align: 'center' });
  document.font('Helvetica').fontSize(7).fillColor('#555555')
    .text(`Dibuat dengan Sinergi. Keaslian dapat diperiksa pada ${content.agencyName} dengan nomor sertifikat di atas.`, 56, height - 52, { width: width - 112, align: 'center', lineBreak: false });
  document.end();
  return finished;
}
