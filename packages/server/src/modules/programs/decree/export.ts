import type { Writable } from 'node:stream';
import { can, type DecreeExportQuery } from '@sinergi/domain';
import { AppError } from '../../../http/errors.ts';
import { familyScopeCondition } from '../../registry/scope-filter.ts';
import type { ProgramContext } from '../context.ts';
import { audit, requireProgram } from '../service.ts';
import { writeDecreePdf, writeDecreeXlsx } from './export-files.ts';
import { decreeLines } from './export-rows.ts';
import { requireDecree } from './service.ts';

export interface DecreeExport {
  fileName: string;
  contentType: string;
  /** Writes the file; the caller streams `output` to the client. */
  write(output: Writable): Promise<void>;
}

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/**
 * The decree's list of families in the user's scope as XLSX or PDF. NIK and No KK are masked unless the user asks
 * for them and holds registry.unmask; audited as an export either way.
 */
export async function exportDecree(context: ProgramContext, programId: string, decreeId: string, query: DecreeExportQuery): Promise<DecreeExport> {
  if (query.unmask && !can(context.user.role, 'registry.unmask')) throw new AppError('forbidden');
  const program = await requireProgram(context.db, programId);
  const decree = await requireDecree(context.db, programId, decreeId);
  const lines = await decreeLines(context.db, decreeId, familyScopeCondition(context.user, 'e'), query.unmask);
  await audit(context, {
    action: 'export', entity: 'program_decree', entityId: decreeId,
    details: { programId, format: query.format, unmasked: query.unmask, rows: lines.length, scope: context.user.scopeCodes },
  });
  const heading = {
    programName: program.name, agencyName: program.agency_name, number: decree.number, decreeDate: decree.decree_date, signedBy: decree.signed_by,
    title: decree.title, masked: !query.unmask,
  };
  const safeNumber = decree.number.replace(/[^\w.-]+/g, '_').slice(0, 60);
  return {
    fileName: `daftar-penerima-sk-${safeNumber}.${query.format}`,
    contentType: CONTENT_TYPES[query.format],
    write: (output) => (query.format === 'xlsx' ? writeDecreeXlsx(heading, lines, output) : writeDecreePdf(heading, lines, output)),
  };
}
