import { CORRECTION_CHANNEL_LABELS, CORRECTION_STATUS_LABELS, type PersonDataExport } from '@sinergi/domain';
import { PdfReport } from './pdf-layout.ts';
import {
  ACTION_LABELS,
  APPLY_LABELS,
  DUPLICATE_LABELS,
  ENTITY_LABELS,
  OUTCOME_LABELS,
  SOURCE_LABELS,
  fieldLabel,
  formatChanges,
  formatDate,
  formatDateTime,
  formatValue,
} from './pdf-labels.ts';

type Who = { username: string | null; fullName: string | null };
const byWhom = (who: Who) => (who.fullName ? `${who.fullName} (${who.username ?? '–'})` : (who.username ?? 'Sistem'));
const NOTHING = 'Tidak ada data.';

function recordFields(record: Record<string, unknown>, skip: string[] = []): [string, string][] {
  return Object.entries(record)
    .filter(([key]) => !skip.includes(key))
    .map(([key, value]) => [fieldLabel(key), formatValue(key, value)]);
}

function issueText(issues: unknown): string {
  if (!Array.isArray(issues) || issues.length === 0) return '–';
  return issues
    .map((issue: unknown) => {
      if (typeof issue !== 'object' || issue === null) return String(issue);
      const message = (issue as { message?: { id?: unknown } }).message?.id;
      return typeof message === 'string' ? message : JSON.stringify(issue);
    })
    .join(' ');
}

function header(report: PdfReport, data: PersonDataExport): void {
  report.title('SALINAN DATA PRIBADI', 'Tanggapan atas permintaan akses subjek data (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi)');
  report.fields([
    ['Pemerintah daerah', `${data.jurisdiction.name} (${data.jurisdiction.code})`],
    ['Tanggal dibuat', formatDateTime(data.generatedAt)],
    ['Petugas', `${data.officer.fullName} (${data.officer.username})${data.officer.agency ? `, ${data.officer.agency}` : ''}`],
    ['NIK yang diminta', data.requestedNik],
  ]);
  if (data.person && data.person.nik !== data.requestedNik) {
    report.note(`NIK ${data.requestedNik} telah digabungkan ke data dengan NIK ${formatValue('nik', data.person.nik)}; data di bawah ini adalah data gabungan tersebut.`);
  }
}

function personAndFamily(report: PdfReport, data: PersonDataExport): void {
  report.section(1, 'Data pribadi');
  if (data.person) report.fields(recordFields(data.person, ['id', 'familyId']));
  else report.note('NIK ini tidak tercatat sebagai anggota keluarga di registri. Data lain yang memuat NIK ini tercantum di bagian berikut.');

  report.section(2, 'Data keluarga (Kartu Keluarga)');
  if (data.family) report.fields(recordFields(data.family, ['id', 'desil', 'villageCode', 'kecamatanCode']));
  else report.note(NOTHING);
  if (data.familyMembers.length > 0) {
    report.note('Anggota keluarga lain hanya dicantumkan nama dan hubungannya; data pribadi mereka hanya dapat diminta oleh yang bersangkutan.');
    report.table(
      [{ header: 'Nama', share: 0.6 }, { header: 'Hubungan dengan kepala keluarga', share: 0.4 }],
      data.familyMembers.map((m) => [m.name, formatValue('relation', m.relation)]),
    );
  }

  report.section(3, 'Riwayat keanggotaan keluarga');
  if (data.memberships.length === 0) report.note(NOTHING);
  else {
    report.table(
      [{ header: 'No KK', share: 0.25 }, { header: 'Kode desa', share: 0.17 }, { header: 'Hubungan', share: 0.22 }, { header: 'Mulai', share: 0.18 }, { header: 'Selesai', share: 0.18 }],
      data.memberships.map((m) => [m.noKk, m.villageCode, formatValue('relation', m.relation), formatDate(m.startDate), m.endDate ? formatDate(m.endDate) : 'masih berlaku']),
    );
  }
  if (data.mergedRecords.length > 0) {
    report.note('Data ganda orang yang sama yang telah digabungkan ke data ini:');
    report.table(
      [{ header: 'NIK data yang digabungkan', share: 0.35 }, { header: 'Tanggal', share: 0.3 }, { header: 'Oleh', share: 0.35 }],
      data.mergedRecords.map((m) => [m.nik, formatDateTime(m.mergedAt), byWhom(m.mergedBy)]),
    );
  }
}

function history(report: PdfReport, data: PersonDataExport): void {
  report.section(4, 'Riwayat perubahan data');
  if (data.changes.length === 0) report.note(NOTHING);
  else {
    report.table(
      [{ header: 'Waktu', share: 0.17 }, { header: 'Data', share: 0.12 }, { header: 'Sumber', share: 0.16 }, { header: 'Perubahan', share: 0.37 }, { header: 'Oleh', share: 0.18 }],
      data.changes.map((c) => [
        formatDateTime(c.at),
        c.entity === 'member' ? 'Anggota' : 'Keluarga',
        `${SOURCE_LABELS[c.source] ?? c.source}${c.importFile ? `: ${c.importFile}` : ''}`,
        formatChanges(c.changes),
        byWhom(c.by),
      ]),
    );
  }

  report.section(5, 'Riwayat impor data');
  if (data.importRows.length === 0) report.note(NOTHING);
  else {
    report.table(
      [{ header: 'Berkas', share: 0.25 }, { header: 'Tanggal', share: 0.18 }, { header: 'Lembar / baris', share: 0.15 }, { header: 'Hasil', share: 0.12 }, { header: 'Catatan', share: 0.3 }],
      data.importRows.map((r) => [r.fileName, formatDateTime(r.importedAt), `${r.sheet} / ${r.rowNumber}`, OUTCOME_LABELS[r.outcome] ?? r.outcome, issueText(r.issues)]),
    );
  }

  report.section(6, 'Catatan akses: siapa melihat, mengekspor atau mengubah data ini');
  if (data.accessLog.length === 0) report.note(NOTHING);
  else {
    report.table(
      [{ header: 'Waktu', share: 0.22 }, { header: 'Petugas', share: 0.3 }, { header: 'Tindakan', share: 0.26 }, { header: 'Data', share: 0.22 }],
      data.accessLog.map((a) => [formatDateTime(a.at), byWhom(a.by), ACTION_LABELS[a.action] ?? a.action, ENTITY_LABELS[a.entity] ?? a.entity]),
    );
  }
}

function decisions(report: PdfReport, data: PersonDataExport): void {
  report.section(7, 'Pemeriksaan data ganda');
  if (data.duplicateDecisions.length === 0) report.note(NOTHING);
  else {
    report.table(
      [{ header: 'Ditemukan', share: 0.17 }, { header: 'Data pasangan', share: 0.2 }, { header: 'Keputusan', share: 0.15 }, { header: 'Diputuskan', share: 0.2 }, { header: 'Catatan', share: 0.28 }],
      data.duplicateDecisions.map((d) => [
        formatDateTime(d.foundAt),
        d.otherName ?? '–',
        DUPLICATE_LABELS[d.status] ?? d.status,
        d.decidedAt ? `${formatDateTime(d.decidedAt)}, ${byWhom(d.decidedBy)}` : '–',
        d.note ?? '–',
      ]),
    );
  }

  report.section(8, 'Permohonan perbaikan data');
  if (data.correctionRequests.length === 0) report.note(NOTHING);
  for (const [index, r] of data.correctionRequests.entries()) {
    report.note(`Permohonan ${index + 1}`);
    report.fields([
      ['Diterima', `${formatDateTime(r.createdAt)} melalui ${CORRECTION_CHANNEL_LABELS[r.channel].id}`],
      ['Pemohon', `${r.requesterName}${r.requesterContact ? ` (${r.requesterContact})` : ''}`],
      ['Data', r.entity === 'member' ? 'Data pribadi' : 'Data keluarga'],
      ['Perubahan yang diminta', Object.keys(r.requestedChanges).length ? formatValue('requested', r.requestedChanges) : '–'],
      ['Alasan', r.reason],
      ['Status', CORRECTION_STATUS_LABELS[r.status].id],
      ['Keputusan', r.decidedAt ? `${formatDateTime(r.decidedAt)}, ${byWhom({ username: r.decidedBy?.username ?? null, fullName: r.decidedBy?.fullName ?? null })}` : '–'],
      ['Catatan hasil', r.outcomeNote ?? '–'],
      ['Penerapan', r.applyStatus ? (APPLY_LABELS[r.applyStatus] ?? r.applyStatus) : '–'],
    ]);
  }
}

function otherSections(report: PdfReport, data: PersonDataExport): void {
  for (const [index, section] of data.otherSections.entries()) {
    report.section(9 + index, section.title.id);
    if (section.items.length === 0) report.note(NOTHING);
    for (const item of section.items) report.fields(recordFields(item));
  }
}

/** The access request as a readable PDF in Bahasa Indonesia; `compress: false` leaves the text searchable (tests). */
export async function renderPersonPdf(data: PersonDataExport, options: { compress?: boolean } = {}): Promise<Buffer> {
  const report = new PdfReport({ compress: options.compress ?? true, title: `Salinan data pribadi ${data.requestedNik}`, author: data.jurisdiction.name });
  header(report, data);
  personAndFamily(report, data);
  history(report, data);
  decisions(report, data);
  otherSections(report, data);
  return report.finish((page, pages) => `Dokumen ini memuat data pribadi; simpan dan serahkan hanya kepada subjek data.  Halaman ${page} dari ${pages}`);
}
