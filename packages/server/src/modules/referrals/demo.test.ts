import { referralOverdue } from '@sinergi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../../test/db.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { jurisdictionToday } from '../programs/context.ts';
import { seedDemoPrograms } from '../programs/demo.ts';
import { seedDemoDistribution } from '../programs/distribution/demo.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { seedOrganisations } from '../seed/seed-organisations.ts';
import { seedDemoReferrals } from './demo.ts';

describe.each(testDatabaseKinds)('demo referrals on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedDemo(handle, { families: 1500, regionCode: '35.07', seed: 2026 });
    await seedOrganisations(handle.db, '35.07');
    await seedDemoPrograms(handle, undefined, { jurisdiction: '35.07' });
    await seedDemoDistribution(handle);
  });
  afterAll(async () => handle.close());

  it('sends the business package’s rule referrals and others between the agencies, at every step, some overdue, once', async () => {
    const result = await seedDemoReferrals(handle, undefined, { jurisdiction: '35.07' });
    // 12 served families × 2 rules, and 6 referrals between other agencies.
    expect(result.referrals).toBe(30);
    const rows = await sql<{ from_kind: string; to_kind: string; status: 'sent' | 'accepted' | 'declined' | 'served'; answer_by: string; due_on: string | null; automatic: boolean }>`
      SELECT fa.kind AS from_kind, ta.kind AS to_kind, r.status, r.answer_by, r.due_on, r.automatic
        FROM referral r JOIN agency fa ON fa.id = r.from_agency_id JOIN agency ta ON ta.id = r.to_agency_id`.execute(handle.db);
    const count = (predicate: (row: (typeof rows.rows)[number]) => boolean) => rows.rows.filter(predicate).length;
    expect(count((r) => r.automatic)).toBe(24);
    expect(count((r) => r.automatic && r.to_kind === 'disperindagkop')).toBe(12);
    const byStatus = Object.fromEntries(['sent', 'accepted', 'declined', 'served'].map((s) => [s, count((r) => r.status === s)]));
    // Rule referrals: each of the six stories for two families, to both agencies; others: 3 sent, 1 accepted, 1 declined, 1 served.
    expect(byStatus).toEqual({ sent: 8 + 3, accepted: 8 + 1, declined: 4 + 1, served: 4 + 1 });
    const today = jurisdictionToday('35.07');
    const late = rows.rows.map((r) => referralOverdue({ status: r.status, answerBy: r.answer_by, dueOn: r.due_on }, today)).filter((o) => o !== null);
    // Stories 3 (unanswered) and 5 (past due) four times each; two unanswered between the other agencies.
    expect(late.sort()).toEqual([...Array<string>(6).fill('answer'), ...Array<string>(4).fill('close')]);
    expect(result.overdue).toBe(10);
    const agencies = new Set(rows.rows.flatMap((r) => [r.from_kind, r.to_kind]));
    expect([...agencies].sort()).toEqual(['dinsos', 'disnaker', 'disperindagkop', 'dpmd', 'pupr_perkim']);
    expect(await seedDemoReferrals(handle, undefined, { jurisdiction: '35.07' })).toEqual({ referrals: 0, overdue: 0 });
  });
});
