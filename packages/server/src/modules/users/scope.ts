import { inJurisdiction, regionLevel } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';

const KECAMATAN_LEVEL = 3;
const DESA_LEVEL = 4;

/**
 * A user's scope: kecamatan or desa codes that exist and lie inside the jurisdiction (when given).
 * Returns the codes de-duplicated and sorted, so that equal scopes look equal.
 */
export async function normalizeScopeCodes(db: Kysely<DB>, codes: readonly string[], jurisdiction?: string): Promise<string[]> {
  const unique = [...new Set(codes)].sort();
  for (const code of unique) {
    const level = regionLevel(code);
    if (level !== KECAMATAN_LEVEL && level !== DESA_LEVEL) {
      throw new AppError('validation_failed', {}, [{ path: '/scopeCodes', message: `${code}: kecamatan atau desa / kecamatan or village code expected` }]);
    }
    if (jurisdiction && !inJurisdiction(jurisdiction, code)) throw new AppError('outside_jurisdiction', { jurisdiction });
  }
  if (unique.length === 0) return unique;
  const known = new Set((await db.selectFrom('region').select('code').where('code', 'in', unique).execute()).map((r) => r.code));
  const unknown = unique.find((code) => !known.has(code));
  if (unknown) throw new AppError('unknown_region', { code: unknown });
  return unique;
}
