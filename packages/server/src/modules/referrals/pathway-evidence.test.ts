import type { FamilyPathway, Referral } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { LEGAL_BASIS, referralsWorld, sendReferral, type ReferralsWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('served referrals as pathway evidence on %s', (kind) => {
  let w: ReferralsWorld;
  beforeAll(async () => {
    w = await referralsWorld(kind);
  });
  afterAll(async () => w.t.close());

  it('suggests growth (pengembangan) once Disperindagkop serves the referral, not before', async () => {
    const family = w.kepanjenFamily;
    const referral = await sendReferral(w.dinsos.client, { familyId: family.id, toAgencyId: w.agencies.disperindagkop.id, services: ['capital_access'], sharing: LEGAL_BASIS });
    const suggestion = async () => (await w.dinsos.client.get(`/api/families/${family.id}/pathway`)).json<FamilyPathway>().suggestion;
    expect(await suggestion()).toBeNull();

    const accepted = (await w.disperindagkop.client.post(`/api/referrals/${referral.id}/transitions`, { action: 'accept' })).json<Referral>();
    expect(await suggestion()).toBeNull();
    const served = await w.disperindagkop.client.post(`/api/referrals/${referral.id}/transitions`, { action: 'serve', outcome: 'Pinjaman KUR Rp10 juta', version: accepted.version });
    expect(served.statusCode, served.body).toBe(200);

    expect(await suggestion()).toMatchObject({
      stage: 'pengembangan',
      evidence: [{ kind: 'referral', id: referral.id, label: `Rujukan ke ${w.agencies.disperindagkop.shortName}`, agency: { id: w.agencies.disperindagkop.id } }],
    });
  });
});
