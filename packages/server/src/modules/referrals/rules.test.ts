import type { Page, Program, Referral, ReferralRule } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { makeFamily } from '../../../test/family-factories.ts';
import { afterEnrolmentServed } from '../programs/enrolments/service.ts';
import { businessPackage, createProgram } from '../programs/test-kit.ts';
import { createReferralsForServedEnrolment } from './rules.ts';
import { referralsWorld, type ReferralsWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('referral rules on programs on %s', (kind) => {
  let w: ReferralsWorld;
  let program: Program;
  let enrolmentId: string;

  beforeAll(async () => {
    w = await referralsWorld(kind);
    program = await createProgram(w.dinsos.client, businessPackage());
    const enrolment = await w.db
      .insertInto('program_enrolment')
      .values({ program_id: program.id, family_id: w.kepanjenFamily.id, kecamatan_code: '35.07.13', village_code: w.kepanjenFamily.villageCode, status: 'served', source: 'targeting', served_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    enrolmentId = enrolment.id;
  });
  afterAll(async () => w.t.close());

  it('lets only the program’s agency set its rules, one per receiving agency', async () => {
    const url = `/api/programs/${program.id}/referral-rules`;
    const capital = { toAgencyId: w.agencies.disperindagkop.id, services: ['capital_access', 'marketing'], answerDays: 14, dueDays: 60, note: 'Tindak lanjut paket usaha' };
    expect((await w.disnaker.client.put(url, capital)).json()).toMatchObject({ code: 'program_other_agency' });
    expect((await w.dinsos.client.put(url, { ...capital, toAgencyId: w.agencies.dinsos.id })).json()).toMatchObject({ code: 'referral_same_agency' });
    expect((await w.dinsos.client.put(url, { ...capital, answerDays: 3 })).statusCode).toBe(200);
    expect((await w.dinsos.client.put(url, capital)).statusCode).toBe(200);
    const rules = (await w.dinsos.client.put(url, { toAgencyId: w.agencies.disnaker.id, services: ['packaging_training'] })).json<ReferralRule[]>();
    // By the receiving agency's short name: disnaker-… before disperindagkop-….
    expect(rules.map((r) => [r.toAgency.id, r.services, r.answerDays, r.dueDays])).toEqual([
      [w.agencies.disnaker.id, ['packaging_training'], 7, null],
      [w.agencies.disperindagkop.id, ['capital_access', 'marketing'], 14, 60],
    ]);
    expect((await w.disnaker.client.get(url)).json<ReferralRule[]>()).toHaveLength(2);
  });

  it('refers a served family once per rule, from the program’s agency on its legal basis', async () => {
    const sentAt = new Date('2026-04-06T03:00:00Z');
    const first = await w.db.transaction().execute((trx) => createReferralsForServedEnrolment(trx, enrolmentId, { id: w.dinsos.user.id }, sentAt));
    expect(first).toHaveLength(2);
    const again = await w.db.transaction().execute((trx) => createReferralsForServedEnrolment(trx, enrolmentId, { id: w.dinsos.user.id }));
    expect(again).toEqual([]);
    const sent = (await w.dinsos.client.get('/api/referrals?box=sent')).json<Page<Referral>>().items;
    const byAgency = Object.fromEntries(sent.map((r) => [r.toAgency.id, r]));
    expect(byAgency[w.agencies.disperindagkop.id]).toMatchObject({
      automatic: true, enrolmentId, programName: program.name, services: ['capital_access', 'marketing'], answerDays: 14,
      answerBy: '2026-04-20', dueOn: '2026-06-05', sharing: { basis: 'legal_basis', legalBasis: businessPackage().legalBasis }, note: 'Tindak lanjut paket usaha',
    });
    expect(byAgency[w.agencies.disnaker.id]).toMatchObject({ automatic: true, services: ['packaging_training'], answerBy: '2026-04-13', dueOn: null });
    expect((await w.disnaker.client.get('/api/referrals?box=received')).json<Page<Referral>>().items.map((r) => r.id)).toEqual([byAgency[w.agencies.disnaker.id]!.id]);
  });

  it('is triggered by the enrolment service’s served hook, and sends nothing for an inactive or removed rule', async () => {
    const served = async (familyId: string, villageCode: string) => (await w.db
      .insertInto('program_enrolment')
      .values({ program_id: program.id, family_id: familyId, kecamatan_code: villageCode.slice(0, 8), village_code: villageCode, status: 'served', source: 'targeting' })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
    const referralsOf = (id: string) => w.db.selectFrom('referral').select(['to_agency_id', 'created_by']).where('enrolment_id', '=', id).orderBy('to_agency_id').execute();
    const other = await served(w.donomulyoFamily.id, w.donomulyoFamily.villageCode);
    await w.db.transaction().execute((trx) => afterEnrolmentServed(trx, other, { id: w.dinsos.user.id }));
    expect(await referralsOf(other)).toEqual([w.agencies.disnaker.id, w.agencies.disperindagkop.id].sort().map((id) => ({ to_agency_id: id, created_by: w.dinsos.user.id })));

    const url = `/api/programs/${program.id}/referral-rules`;
    await w.dinsos.client.put(url, { toAgencyId: w.agencies.disnaker.id, services: ['packaging_training'], active: false });
    const rules = (await w.dinsos.client.get(url)).json<ReferralRule[]>();
    const capitalRule = rules.find((r) => r.toAgency.id === w.agencies.disperindagkop.id)!;
    expect((await w.dinsos.client.delete(`${url}/${capitalRule.id}`)).json<ReferralRule[]>()).toHaveLength(1);
    const third = await makeFamily(w.db, { villageCode: w.kepanjenFamily.villageCode, headName: 'Tukiyem' });
    const thirdEnrolment = await served(third.id, third.villageCode);
    await w.db.transaction().execute((trx) => afterEnrolmentServed(trx, thirdEnrolment, null));
    expect(await referralsOf(thirdEnrolment)).toEqual([]);
    // The referrals the removed rule sent stay, still marked automatic.
    const kept = (await w.disperindagkop.client.get('/api/referrals?box=received')).json<Page<Referral>>().items;
    expect(kept.map((r) => r.automatic)).toEqual([true, true]);
  });
});
