import type { Agency, AgencyInput } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { agencyWithShortName, findAgency, insertAgency, updateAgency } from './queries.ts';

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION;
}

async function assertShortNameFree(db: Kysely<DB>, shortName: string, exceptId?: string): Promise<void> {
  if (await agencyWithShortName(db, shortName, exceptId)) {
    throw new AppError('duplicate', {}, [{ path: '/shortName', message: shortName }]);
  }
}

/** Creates an agency; a short name already in use (any case) is a 409 duplicate. */
export async function createAgency(db: Kysely<DB>, request: FastifyRequest, input: AgencyInput): Promise<Agency> {
  await assertShortNameFree(db, input.shortName);
  let id: string;
  try {
    id = await insertAgency(db, input);
  } catch (error) {
    // Two admins saving the same short name at once: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError('duplicate', {}, [{ path: '/shortName', message: input.shortName }]);
    throw error;
  }
  await recordAudit(db, request, { action: 'create', entity: 'agency', entityId: id, details: { ...input } });
  return (await findAgency(db, id))!;
}

export async function editAgency(db: Kysely<DB>, request: FastifyRequest, id: string, input: AgencyInput): Promise<Agency> {
  const before = await findAgency(db, id);
  if (!before) throw new AppError('not_found');
  await assertShortNameFree(db, input.shortName, id);
  try {
    await updateAgency(db, id, input);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('duplicate', {}, [{ path: '/shortName', message: input.shortName }]);
    throw error;
  }
  await recordAudit(db, request, {
    action: 'update',
    entity: 'agency',
    entityId: id,
    details: { before: { name: before.name, shortName: before.shortName, kind: before.kind }, after: { ...input } },
  });
  return (await findAgency(db, id))!;
}
