import { BUSINESS_PACKAGE_PRIORITY, BUSINESS_PACKAGE_RULE, errorMessage, type RuleIssues } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { checkPriority, checkRule } from './service.ts';

const options = { jurisdiction: '35.07', programKinds: ['business_package', 'training'] };

async function issuesOf(work: Promise<unknown>): Promise<RuleIssues['issues']> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('invalid_rule');
  expect(appError.status).toBe(400);
  return (appError.details as RuleIssues).issues;
}

describe.each(testDatabaseKinds)('checking rules before they are saved on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => handle.close());

  it('accepts the business package rule and priority', async () => {
    await expect(checkRule(handle.db, BUSINESS_PACKAGE_RULE, options)).resolves.toEqual(BUSINESS_PACKAGE_RULE);
    await expect(checkPriority(handle.db, BUSINESS_PACKAGE_PRIORITY, options)).resolves.toEqual(BUSINESS_PACKAGE_PRIORITY);
  });

  it('accepts real villages of the jurisdiction and refuses unknown ones and those outside it', async () => {
    const [village] = await handle.db.selectFrom('region').select('code').where('level', '=', 4).where('code', 'like', '35.07.%').limit(1).execute();
    const [outside] = await handle.db.selectFrom('region').select('code').where('level', '=', 4).where('code', 'like', '35.08.%').limit(1).execute();
    const rule = (codes: string[]) => ({ version: 1, condition: { kind: 'compare', field: 'villageCode', op: 'in', value: codes } });
    await expect(checkRule(handle.db, rule([village!.code]), options)).resolves.toBeTruthy();
    const issues = await issuesOf(checkRule(handle.db, rule([village!.code, '35.07.99.2999', outside!.code]), options));
    expect(issues.map((issue) => [issue.code, issue.path.at(-1)])).toEqual([['unknown_region', 1], ['unknown_region', 2]]);
    expect(issues[0]?.message.id).toBe('Kode wilayah "35.07.99.2999" tidak dikenal.');
  });

  it('reports every problem at once, with a count in the error message', async () => {
    const input = {
      version: 1,
      condition: { kind: 'all', conditions: [
        { kind: 'compare', field: 'desilNational', op: 'between', value: [5, 1] },
        { kind: 'receivedProgram', programKinds: ['bansos'], period: 'this_year' },
      ] },
    };
    const issues = await issuesOf(checkRule(handle.db, input, options));
    expect(issues.map((issue) => issue.code)).toEqual(['between_reversed', 'unknown_program_kind']);
    expect(errorMessage('invalid_rule', 'id', { count: issues.length })).toBe('Aturan belum dapat disimpan: 2 masalah perlu diperbaiki.');
  });
});
