import {
  CONTRIBUTION_FORMS, CONTRIBUTION_FORM_LABELS, RENOVATION_FUNDING_SOURCE_LABELS, RENOVATION_STAGE_LABELS, type Language, type RenovationSummaryQuery,
} from '@sinergi/domain';
import ExcelJS from 'exceljs';
import { codeAtLevel, isProvinceInstallation, regionNames, underArea } from '../regions/breakdown.ts';
import { audit, type RenovationContext } from './context.ts';
import { houseInScope, houseListRows } from './queries.ts';
import { renovationSummary } from './summary.ts';

type Cell = string | number | null;
type Text = { id: string; en: string };

function addSheet(workbook: ExcelJS.Workbook, name: string, headers: { text: Text; width: number }[], rows: Cell[][], language: Language): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header: header.text[language], width: header.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
}

const ratio = (done: number, target: number | null) => (target ? Math.round((done / target) * 1000) / 10 : null);

/**
 * The year's renovation report as XLSX: realisation per kecamatan against its target, contributions per source and
 * partner, and every house of the user's scope (and area) with its stage and funding; in a province every kecamatan and
 * house row also names its kabupaten/kota. Recorded in the audit trail as an export.
 */
export async function renovationReport(context: RenovationContext, query: RenovationSummaryQuery, language: Language): Promise<Buffer> {
  const summary = await renovationSummary(context, query);
  const kecamatan = query.kecamatanCode?.slice(0, 8);
  let houses = houseListRows(context.db).where(houseInScope(context.user)).where('h.year', '=', query.year);
  if (kecamatan) houses = houses.where('h.kecamatan_code', '=', kecamatan);
  if (summary.parents.length > 0) houses = houses.where(underArea('h.kecamatan_code', summary.area.code));
  const rows = await houses.orderBy('h.kecamatan_code').orderBy('h.village_code').orderBy('f.head_name').execute();
  // In a province the same kecamatan name occurs in several regencies, so every row also names its regency.
  const province = isProvinceInstallation(context.config);
  const regencyNames = province ? await regionNames(context.db, summary.byKecamatan.map((row) => codeAtLevel(row.kecamatanCode, 2))) : new Map<string, string>();
  const regencyOf = (kecamatanCode: string): Cell[] => (province ? [regencyNames.get(codeAtLevel(kecamatanCode, 2)) ?? null] : []);
  const regencyHeader = province ? [{ text: { id: 'Kabupaten/kota', en: 'Regency/city' }, width: 24 }] : [];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  const l = (text: Text) => text[language];

  addSheet(workbook, l({ id: 'Per kecamatan', en: 'Per kecamatan' }), [
    { text: { id: 'Kode', en: 'Code' }, width: 12 }, ...regencyHeader, { text: { id: 'Kecamatan', en: 'Kecamatan' }, width: 24 }, { text: { id: 'Target', en: 'Target' }, width: 10 },
    { text: { id: 'Selesai', en: 'Completed' }, width: 10 }, { text: { id: 'Realisasi (%)', en: 'Realisation (%)' }, width: 14 },
    { text: { id: 'Dikerjakan', en: 'Under construction' }, width: 14 }, { text: { id: 'Dalam proses', en: 'In the pipeline' }, width: 14 },
  ], [
    ...summary.byKecamatan.map((row) => [row.kecamatanCode, ...regencyOf(row.kecamatanCode), row.kecamatanName, row.target, row.completed, ratio(row.completed, row.target), row.inProgress, row.pipeline]),
    [null, ...(province ? [null] : []), l({ id: 'Jumlah', en: 'Total' }), summary.target, summary.completed, ratio(summary.completed, summary.target), summary.byStage.in_progress, null],
  ], language);

  addSheet(workbook, l({ id: 'Per sumber dan mitra', en: 'Per source and partner' }), [
    { text: { id: 'Sumber', en: 'Source' }, width: 24 }, { text: { id: 'Mitra', en: 'Partner' }, width: 40 }, { text: { id: 'Rumah', en: 'Houses' }, width: 10 },
    { text: { id: 'Rumah selesai', en: 'Completed houses' }, width: 14 },
    ...CONTRIBUTION_FORMS.map((form) => ({ text: { id: `${CONTRIBUTION_FORM_LABELS[form].id} (Rp)`, en: `${CONTRIBUTION_FORM_LABELS[form].en} (Rp)` }, width: 18 })),
    { text: { id: 'Jumlah (Rp)', en: 'Total (Rp)' }, width: 18 },
  ], summary.byFunder.map((row) => [
    l(RENOVATION_FUNDING_SOURCE_LABELS[row.source]), row.partnerName, row.houses, row.completedHouses, ...CONTRIBUTION_FORMS.map((form) => row.byForm[form]), row.value,
  ]), language);

  addSheet(workbook, l({ id: 'Daftar rumah', en: 'Houses' }), [
    { text: { id: 'Kepala keluarga', en: 'Head of family' }, width: 28 }, { text: { id: 'Alamat', en: 'Address' }, width: 32 },
    { text: { id: 'Desa/kelurahan', en: 'Village' }, width: 20 }, { text: { id: 'Kecamatan', en: 'Kecamatan' }, width: 20 }, ...regencyHeader,
    { text: { id: 'Tahap', en: 'Stage' }, width: 16 }, { text: { id: 'Skor RTLH', en: 'RTLH score' }, width: 10 }, { text: { id: 'Progres (%)', en: 'Progress (%)' }, width: 12 },
    { text: { id: 'Pendanaan (Rp)', en: 'Funding (Rp)' }, width: 16 }, { text: { id: 'Selesai', en: 'Completed on' }, width: 12 },
    { text: { id: 'Serah terima', en: 'Handed over on' }, width: 12 }, { text: { id: 'Pengelola', en: 'Managed by' }, width: 14 },
  ], rows.map((row) => [
    row.head_name, row.address ?? row.family_address, row.village_name, row.kecamatan_name, ...regencyOf(row.kecamatan_code), l(RENOVATION_STAGE_LABELS[row.stage]), row.score, row.progress,
    Number(row.funding_total), row.completed_on, row.handover_on, row.agency_short_name,
  ]), language);

  await audit(context, { action: 'export', entity: 'renovation_report', entityId: String(query.year), details: { kecamatanCode: kecamatan ?? null, area: query.area ?? null, houses: rows.length } });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
