import type { Writable } from 'node:stream';
import { can, localIsoDate, type FamilyExportQuery } from '@sinergi/domain';
import { AppError, requestLanguage } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { countFamilies } from '../queries.ts';
import { resolveFamilyFilter, type RegistryContext } from '../service.ts';
import { countCurrentMembers } from './queries.ts';
import { writeFamilyWorkbook } from './workbook.ts';

/** One worksheet holds at most 1,048,576 rows, one of them the header. */
const SHEET_MAX_ROWS = 1_048_575;

export interface PreparedExport {
  fileName: string;
  contentType: string;
  /** Streams the workbook into `output` and ends it; resolves with the family rows written. */
  write(output: Writable): Promise<number>;
}

/**
 * Checks and records an export of the current filtered list before a byte is sent: the user's scope applies as in the
 * list, a list over the installation's limit is refused (export_too_large), and the audit row keeps the filters,
 * the row counts and whether identity numbers and specific personal data were unmasked (which needs 'registry.unmask').
 */
export async function prepareFamilyExport(context: RegistryContext, query: FamilyExportQuery): Promise<PreparedExport> {
  const { db, config, user, request } = context;
  if (query.unmask && !can(user.role, 'registry.unmask')) throw new AppError('forbidden');
  const { format, includeMembers, unmask, ...filters } = query;
  const { filter, sort } = await resolveFamilyFilter(context, filters);
  const rows = await countFamilies(db, filter);
  const limit = Math.min(config.exportMaxRows, SHEET_MAX_ROWS);
  if (rows > limit) throw new AppError('export_too_large', { total: rows, limit });
  const memberRows = includeMembers ? await countCurrentMembers(db, filter) : 0;
  if (memberRows > SHEET_MAX_ROWS) throw new AppError('export_too_large', { total: memberRows, limit: SHEET_MAX_ROWS });
  await recordAudit(db, request, { action: 'export', entity: 'family_list', details: { filters, format, includeMembers, unmasked: unmask, specificDataShown: unmask && includeMembers, rows, memberRows } });
  const language = requestLanguage(request);
  const exportedAt = new Date();
  const info: [string, string][] = [
    [language === 'en' ? 'Exported at' : 'Diekspor pada', exportedAt.toISOString()],
    [language === 'en' ? 'Exported by' : 'Diekspor oleh', `${user.fullName} (${user.username})`],
    [language === 'en' ? 'Filters' : 'Filter', JSON.stringify(filters)],
    [language === 'en' ? 'Families' : 'Jumlah keluarga', String(rows)],
    [language === 'en' ? 'Identity numbers' : 'NIK/No KK', unmask ? (language === 'en' ? 'in full' : 'lengkap') : language === 'en' ? 'masked' : 'disamarkan'],
    [
      language === 'en' ? 'Specific personal data (disabilities, sensitive PPKS)' : 'Data pribadi spesifik (disabilitas, PPKS sensitif)',
      unmask ? (language === 'en' ? 'in full' : 'lengkap') : language === 'en' ? 'hidden' : 'disembunyikan',
    ],
  ];
  return {
    fileName: `${language === 'en' ? 'families' : 'keluarga'}-${localIsoDate(exportedAt)}.${format}`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: (output) => writeFamilyWorkbook(db, { filter, sort, maxRows: limit, includeMembers, view: { language, unmasked: unmask }, info }, output),
  };
}
