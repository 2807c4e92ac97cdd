import { ReferralListQuery } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import type { ProgramContext } from '../programs/context.ts';
import { flagOverdueReferrals } from './overdue.ts';
import { insertReferral, type NewReferral } from './send.ts';
import { searchReferrals } from './service.ts';
import { LEGAL_BASIS, referralsWorld, sessionUserOf, type Person, type ReferralsWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('overdue referrals on %s', (kind) => {
  let w: ReferralsWorld;
  const ids: Record<string, string> = {};

  const contextOf = (person: Person): ProgramContext => ({ db: w.db, config: w.t.config, user: sessionUserOf(person.user), request: null });
  const overdueOn = async (person: Person, day: string, box: 'overdue' | 'received' | 'sent' = 'overdue') => {
    const page = await searchReferrals(contextOf(person), ReferralListQuery.parse({ box, ...(box === 'overdue' ? {} : { overdue: 'true' }) }), day);
    return page.items.map((r) => `${Object.entries(ids).find(([, id]) => id === r.id)?.[0]}:${r.overdue}`).sort();
  };

  beforeAll(async () => {
    w = await referralsWorld(kind);
    const common: Omit<NewReferral, 'toAgencyId' | 'sentOn' | 'answerDays' | 'dueOn'> = {
      familyId: w.kepanjenFamily.id, memberId: null, kecamatanCode: '35.07.13', villageCode: w.kepanjenFamily.villageCode,
      fromAgencyId: w.agencies.dinsos.id, services: ['capital_access'], note: null, sharing: LEGAL_BASIS, enrolmentId: null, ruleId: null,
      createdBy: w.dinsos.user.id,
    };
    // Sent 2 March with 7 days to answer: the last day to answer is 9 March.
    ids.unanswered = await w.db.transaction().execute((trx) => insertReferral(trx, { ...common, toAgencyId: w.agencies.disperindagkop.id, sentOn: '2026-03-02', answerDays: 7, dueOn: '2026-04-30' }));
    ids.toClose = await w.db.transaction().execute((trx) => insertReferral(trx, { ...common, toAgencyId: w.agencies.disnaker.id, sentOn: '2026-03-02', answerDays: 14, dueOn: '2026-03-31' }));
    ids.other = await w.db.transaction().execute((trx) => insertReferral(trx, {
      ...common, fromAgencyId: w.agencies.disnaker.id, toAgencyId: w.agencies.dpmd.id, sentOn: '2026-03-05', answerDays: 3, dueOn: null,
    }));
    const accepted = await w.disnaker.client.post(`/api/referrals/${ids.toClose}/transitions`, { action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
  afterAll(async () => w.t.close());

  it('is late to answer the day after the answer day, and late to close the day after the due date', async () => {
    expect(await overdueOn(w.admin, '2026-03-08')).toEqual([]);
    expect(await overdueOn(w.admin, '2026-03-09')).toEqual(['other:answer']);
    expect(await overdueOn(w.admin, '2026-03-10')).toEqual(['other:answer', 'unanswered:answer']);
    expect(await overdueOn(w.admin, '2026-03-31')).toEqual(['other:answer', 'unanswered:answer']);
    expect(await overdueOn(w.admin, '2026-04-01')).toEqual(['other:answer', 'toClose:close', 'unanswered:answer']);
  });

  it('shows each agency only its own late referrals; leaders see all of them', async () => {
    expect(await overdueOn(w.dinsos, '2026-04-01')).toEqual(['toClose:close', 'unanswered:answer']);
    expect(await overdueOn(w.disperindagkop, '2026-04-01')).toEqual(['unanswered:answer']);
    expect(await overdueOn(w.disperindagkop, '2026-04-01', 'received')).toEqual(['unanswered:answer']);
    expect(await overdueOn(w.disperindagkop, '2026-04-01', 'sent')).toEqual([]);
    expect(await overdueOn(w.dpmd, '2026-04-01')).toEqual(['other:answer']);
    expect(await overdueOn(w.pimpinan, '2026-04-01')).toEqual(['other:answer', 'toClose:close', 'unanswered:answer']);
  });

  it('flags each late referral once to both agencies and Bappeda, with a history row', async () => {
    const flags = async () => w.db.selectFrom('notification').select(['agency_id', 'kind']).where('kind', 'like', 'referral.overdue%').execute();
    expect(await flagOverdueReferrals(w.db, '2026-03-09')).toBe(1);
    expect(await flagOverdueReferrals(w.db, '2026-03-09')).toBe(0);
    expect(await flagOverdueReferrals(w.db, '2026-04-01')).toBe(2);
    expect(await flagOverdueReferrals(w.db, '2026-05-01')).toBe(0);
    const byKind = (await flags()).map((n) => `${n.kind}@${Object.entries(w.agencies).find(([, a]) => a.id === n.agency_id)?.[0]}`).sort();
    expect(byKind).toEqual([
      'referral.overdue_answer@bappeda', 'referral.overdue_answer@bappeda', 'referral.overdue_answer@dinsos', 'referral.overdue_answer@disnaker',
      'referral.overdue_answer@disperindagkop', 'referral.overdue_answer@dpmd',
      'referral.overdue_close@bappeda', 'referral.overdue_close@dinsos', 'referral.overdue_close@disnaker',
    ]);
    const events = await w.db.selectFrom('referral_event').select(['referral_id', 'text']).where('action', '=', 'overdue').orderBy('id').execute();
    expect(events).toEqual([{ referral_id: ids.other, text: 'answer' }, { referral_id: ids.unanswered, text: 'answer' }, { referral_id: ids.toClose, text: 'close' }]);
    const unread = await w.pimpinan.client.get('/api/notifications/unread-count');
    expect(unread.json()).toEqual({ unread: 3 });
  });
});
