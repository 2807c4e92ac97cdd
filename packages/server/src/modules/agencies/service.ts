import type { Agency, AgencyInput } from '@sinergi/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { agencyWithShortName, findAgency, insertAgency, updateAgency } from './queries.ts';

function duplicateShortName(shortName: string): AppError {
  return new AppError('duplicate', {}, [{ path: '/shortName', message: shortName }]);
}

/** Runs a write that the short-name check already cleared; two admins saving the same name at once still meet the unique index. */
async function writeChecked<T>(db: Kysely<DB>, input: AgencyInput, exceptId: string | undefined, write: () => Promise<T>): Promise<T> {
  if (await agencyWithShortName(db, input.shortName, exceptId)) throw duplicateShortName(input.shortName);
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateShortName(input.shortName);
    throw error;
  }
}

async function getAgency(db: Kysely<DB>, id: string): Promise<Agency> {
  const agency = await findAgency(db, id);
  if (!agency) throw new AppError('not_found');
  return agency;
}

/** Creates an agency; a short name already in use (any case) is a 409 duplicate. `request` is null from the CLI. */
export async function createAgency(db: Kysely<DB>, request: FastifyRequest | null, input: AgencyInput): Promise<Agency> {
  const id = await writeChecked(db, input, undefined, () => insertAgency(db, input));
  await recordAudit(db, request, { action: 'create', entity: 'agency', entityId: id, details: { ...input } });
  return getAgency(db, id);
}

export async function editAgency(db: Kysely<DB>, request: FastifyRequest, id: string, input: AgencyInput): Promise<Agency> {
  const before = await getAgency(db, id);
  await writeChecked(db, input, id, () => updateAgency(db, id, input));
  await recordAudit(db, request, {
    action: 'update',
    entity: 'agency',
    entityId: id,
    details: { before: { name: before.name, shortName: before.shortName, kind: before.kind }, after: { ...input } },
  });
  return getAgency(db, id);
}
