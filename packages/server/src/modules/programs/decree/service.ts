import type { Readable } from 'node:stream';
import type { Decree, DecreeInput } from '@sinergi/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { DB, ProgramDecreeTable } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import { requireActive, requireManage } from '../access.ts';
import type { ProgramContext } from '../context.ts';
import { DOCUMENT_KINDS, RejectedFileError, removeStoredFile, storeFile, storedFilePath } from '../../files/store.ts';
import { iso } from '../present.ts';
import { audit, requireProgram } from '../service.ts';

export const MAX_DECREE_FILE_BYTES = 20 * 1024 * 1024;

type DecreeRow = Selectable<ProgramDecreeTable> & { created_by_name: string | null };

export async function requireDecree(db: Kysely<DB>, programId: string, id: string): Promise<DecreeRow> {
  const row = await db
    .selectFrom('program_decree as d')
    .leftJoin('app_user as u', 'u.id', 'd.created_by')
    .selectAll('d')
    .select('u.full_name as created_by_name')
    .where('d.id', '=', id)
    .where('d.program_id', '=', programId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

function toDecree(row: DecreeRow): Decree {
  return {
    id: row.id, programId: row.program_id, number: row.number, decreeDate: row.decree_date, signedBy: row.signed_by, title: row.title, kind: row.kind,
    enrolmentCount: row.enrolment_count,
    file: row.file_path && row.file_name && row.file_type ? { name: row.file_name, type: row.file_type, size: row.file_size ?? 0 } : null,
    createdBy: row.created_by_name, createdAt: iso(row.created_at),
  };
}

export async function listDecrees(context: ProgramContext, programId: string): Promise<Decree[]> {
  await requireProgram(context.db, programId);
  const rows = await context.db
    .selectFrom('program_decree as d')
    .leftJoin('app_user as u', 'u.id', 'd.created_by')
    .selectAll('d')
    .select('u.full_name as created_by_name')
    .where('d.program_id', '=', programId)
    .orderBy('d.decree_date')
    .orderBy('d.created_at')
    .execute();
  return rows.map(toDecree);
}

export async function getDecree(context: ProgramContext, programId: string, id: string): Promise<Decree> {
  return toDecree(await requireDecree(context.db, programId, id));
}

/**
 * Fixes every verified family not yet in a decree under a new decree (SK): the first is the program's decree, later
 * ones are amendments (SK perubahan) for replacements. From then on those families change only along the decree path.
 */
export async function createDecree(context: ProgramContext, programId: string, input: z.output<typeof DecreeInput>): Promise<Decree> {
  const program = await requireProgram(context.db, programId);
  requireManage(context.user, program);
  requireActive(program);
  let id: string;
  try {
    id = await context.db.transaction().execute(async (trx) => {
      const earlier = await trx.selectFrom('program_decree').select(sql<number>`count(*)::int`.as('n')).where('program_id', '=', programId).executeTakeFirstOrThrow();
      const verified = await trx
        .selectFrom('program_enrolment')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('program_id', '=', programId)
        .where('status', '=', 'verified')
        .where('decree_id', 'is', null)
        .executeTakeFirstOrThrow();
      if (verified.n === 0) throw new AppError('decree_nothing_to_fix');
      const decree = await trx
        .insertInto('program_decree')
        .values({
          program_id: programId, number: input.number, decree_date: input.decreeDate, signed_by: input.signedBy, title: input.title ?? null,
          kind: earlier.n === 0 ? 'initial' : 'amendment', enrolment_count: verified.n, created_by: context.user.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`
        INSERT INTO enrolment_change (enrolment_id, program_id, action, from_status, to_status, decree_id, user_id)
        SELECT id, program_id, 'decree', 'verified', 'in_decree', ${decree.id}::uuid, ${context.user.id}::uuid
          FROM program_enrolment
         WHERE program_id = ${programId}::uuid AND status = 'verified' AND decree_id IS NULL`.execute(trx);
      await sql`
        UPDATE program_enrolment
           SET status = 'in_decree', decree_id = ${decree.id}::uuid, status_changed_at = now(), updated_at = now(), version = version + 1
         WHERE program_id = ${programId}::uuid AND status = 'verified' AND decree_id IS NULL`.execute(trx);
      return decree.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('duplicate', {}, [{ path: '/number', message: input.number }]);
    throw error;
  }
  await audit(context, { action: 'create', entity: 'program_decree', entityId: id, details: { programId, number: input.number, decreeDate: input.decreeDate } });
  return getDecree(context, programId, id);
}

/** Attaches (or replaces) the signed decree's scan: PDF, JPG or PNG, checked by content. */
export async function attachDecreeFile(context: ProgramContext, programId: string, id: string, upload: { fileName: string; stream: Readable }): Promise<Decree> {
  const program = await requireProgram(context.db, programId);
  requireManage(context.user, program);
  const decree = await requireDecree(context.db, programId, id);
  let stored;
  try {
    stored = await storeFile(context.config.uploadDir, `decrees/${id}`, upload.fileName, upload.stream, { kinds: DOCUMENT_KINDS, maxBytes: MAX_DECREE_FILE_BYTES });
  } catch (error) {
    if (error instanceof RejectedFileError) throw new AppError(error.reason === 'size' ? 'payload_too_large' : 'decree_file_type');
    throw error;
  }
  await context.db
    .updateTable('program_decree')
    .set({ file_path: stored.path, file_name: stored.name, file_type: stored.mime, file_size: stored.size, file_sha256: stored.sha256 })
    .where('id', '=', id)
    .execute();
  if (decree.file_path) await removeStoredFile(context.config.uploadDir, decree.file_path);
  await audit(context, { action: 'update', entity: 'program_decree', entityId: id, details: { programId, file: stored.name, size: stored.size, sha256: stored.sha256 } });
  return getDecree(context, programId, id);
}

/**
 * The decree's scan for download. It lists families of the whole program, so only users whose scope is the whole
 * jurisdiction may open it; recorded as a view of personal data.
 */
export async function decreeFile(context: ProgramContext, programId: string, id: string): Promise<{ path: string; name: string; type: string }> {
  const decree = await requireDecree(context.db, programId, id);
  if (!decree.file_path || !decree.file_name || !decree.file_type) throw new AppError('not_found');
  if (context.user.scopeCodes.length > 0) throw new AppError('out_of_scope');
  await audit(context, { action: 'view', entity: 'program_decree', entityId: id, details: { programId, file: decree.file_name } });
  return { path: storedFilePath(context.config.uploadDir, decree.file_path), name: decree.file_name, type: decree.file_type };
}
