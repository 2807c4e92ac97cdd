import type { FamilyTimeline, Page, Referral, ReferralCounts, ReferralEvent } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../test/app.ts';
import { testDatabaseKinds } from '../../../test/db.ts';
import { loginAs, makeUser } from '../../../test/factories.ts';
import { LEGAL_BASIS, referralsWorld, sendReferral, type ReferralsWorld } from './test-kit.ts';

describe.each(testDatabaseKinds)('referrals between agencies on %s', (kind) => {
  let w: ReferralsWorld;
  let capital: Referral;

  const box = async (client: TestClient, query: string) => {
    const response = await client.get(`/api/referrals?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page<Referral>>();
  };
  const act = (client: TestClient, id: string, body: object) => client.post(`/api/referrals/${id}/transitions`, body);

  beforeAll(async () => {
    w = await referralsWorld(kind);
    capital = await sendReferral(w.dinsos.client, {
      familyId: w.kepanjenFamily.id, memberId: w.kepanjenFamily.members[1]!.id, toAgencyId: w.agencies.disperindagkop.id,
      services: ['capital_access', 'marketing'], answerDays: 10, note: 'Usaha keripik sudah berjalan 3 bulan',
      sharing: { basis: 'consent', consentOn: '2026-03-01', consentBy: 'Sumarni (kepala keluarga)' },
    });
  });
  afterAll(async () => w.t.close());

  it('sends from the sender’s agency with masked data, the consent and the answer day', () => {
    expect(capital).toMatchObject({
      status: 'sent', fromAgency: { id: w.agencies.dinsos.id }, toAgency: { id: w.agencies.disperindagkop.id }, headName: 'Sumarni',
      services: ['capital_access', 'marketing'], answerDays: 10, automatic: false, overdue: null, actions: ['withdraw'], version: 1,
      sharing: { basis: 'consent', consentOn: '2026-03-01', consentBy: 'Sumarni (kepala keluarga)' },
      member: { id: w.kepanjenFamily.members[1]!.id, name: 'Agus Salim' },
    });
    expect(capital.noKk).not.toBe(w.kepanjenFamily.noKk);
    expect(capital.noKk).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(capital.member?.nik).toMatch(/\*/);
    const sentOn = new Date(Date.parse(capital.sentAt) + 7 * 3_600_000).toISOString().slice(0, 10);
    const answerBy = new Date(`${sentOn}T00:00:00Z`);
    answerBy.setUTCDate(answerBy.getUTCDate() + 10);
    expect(capital.answerBy).toBe(answerBy.toISOString().slice(0, 10));
  });

  it('shows each agency only referrals sent to it or by it; leaders see all', async () => {
    expect((await box(w.disperindagkop.client, 'box=received')).items.map((r) => r.id)).toEqual([capital.id]);
    expect((await box(w.disperindagkop.client, 'box=sent')).total).toBe(0);
    expect((await box(w.dinsos.client, 'box=sent')).items.map((r) => r.id)).toEqual([capital.id]);
    expect((await box(w.dinsos.client, 'box=received')).total).toBe(0);
    expect((await box(w.dpmd.client, 'box=all')).total).toBe(0);
    expect((await box(w.dpmd.client, `box=all&agencyId=${w.agencies.dinsos.id}`)).total).toBe(0);
    const hidden = await w.dpmd.client.get(`/api/referrals/${capital.id}`);
    expect(hidden.statusCode).toBe(404);
    expect((await w.dpmd.client.get(`/api/referrals/${capital.id}/history`)).statusCode).toBe(404);
    expect((await box(w.pimpinan.client, 'box=all')).items.map((r) => r.id)).toEqual([capital.id]);
    const asLeader = (await w.pimpinan.client.get(`/api/referrals/${capital.id}`)).json<Referral>();
    expect(asLeader.actions).toEqual([]);
    expect((await w.pimpinan.client.get(`/api/referrals/${capital.id}?unmask=true`)).json()).toMatchObject({ code: 'forbidden' });
    const counts = (await w.disperindagkop.client.get('/api/referrals/counts')).json<ReferralCounts>();
    expect(counts).toEqual({ received: 1, receivedOpen: 1, sent: 0, overdue: 0 });
  });

  it('limits a region-scoped pendamping to his kecamatan and lets him only read', async () => {
    const outside = await sendReferral(w.dinsos.client, { familyId: w.donomulyoFamily.id, toAgencyId: w.agencies.dpmd.id, services: ['social_aid'], sharing: LEGAL_BASIS });
    expect((await box(w.pendamping.client, 'box=sent')).items.map((r) => r.id)).toEqual([capital.id]);
    expect((await w.pendamping.client.get(`/api/referrals/${outside.id}`)).json()).toMatchObject({ code: 'out_of_scope' });
    expect((await w.pendamping.client.post('/api/referrals', { familyId: w.kepanjenFamily.id, toAgencyId: w.agencies.dpmd.id, services: ['social_aid'], sharing: LEGAL_BASIS })).statusCode).toBe(403);
    expect((await box(w.dpmd.client, 'box=received')).items.map((r) => r.id)).toEqual([outside.id]);
    const withdrawn = await act(w.dinsos.client, outside.id, { action: 'withdraw', reason: 'Salah tujuan, seharusnya ke Disperkim' });
    expect(withdrawn.json<Referral>()).toMatchObject({ status: 'withdrawn', reason: 'Salah tujuan, seharusnya ke Disperkim', actions: [] });
  });

  it('refuses invalid transitions and the wrong side with clear errors', async () => {
    const early = await act(w.disperindagkop.client, capital.id, { action: 'serve', outcome: 'Pinjaman KUR' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'referral_transition_invalid', message: 'Rujukan berstatus "sent" tidak dapat diproses dengan tindakan "serve".' });
    const bySender = await act(w.dinsos.client, capital.id, { action: 'accept' });
    expect(bySender.statusCode).toBe(403);
    expect(bySender.json()).toMatchObject({ code: 'referral_not_receiver' });
    expect(bySender.json<{ message: string }>().message).toContain(w.agencies.disperindagkop.shortName);
    const byReceiver = await act(w.disperindagkop.client, capital.id, { action: 'withdraw', reason: 'Bukan wewenang kami' });
    expect(byReceiver.json()).toMatchObject({ code: 'referral_not_sender' });
    const noReason = await act(w.disperindagkop.client, capital.id, { action: 'decline' });
    expect(noReason.statusCode).toBe(400);
    expect((await act(w.disperindagkop.client, capital.id, { action: 'accept', version: 5 })).json()).toMatchObject({ code: 'conflict' });
    expect((await act(w.pimpinan.client, capital.id, { action: 'accept' })).statusCode).toBe(403);
  });

  it('is accepted, then served with what was given, by the receiving agency; afterwards nothing more', async () => {
    const accepted = (await act(w.disperindagkop.client, capital.id, { action: 'accept', note: 'Dijadwalkan asesmen KUR' })).json<Referral>();
    expect(accepted).toMatchObject({ status: 'accepted', actions: ['serve', 'not_serve'], version: 2 });
    expect(accepted.answeredAt).not.toBeNull();
    const noOutcome = await act(w.disperindagkop.client, capital.id, { action: 'serve' });
    expect(noOutcome.statusCode).toBe(400);
    const served = (await act(w.disperindagkop.client, capital.id, { action: 'serve', outcome: 'Pinjaman KUR Rp10 juta melalui KSP Sejahtera Bersama' })).json<Referral>();
    expect(served).toMatchObject({ status: 'served', outcome: 'Pinjaman KUR Rp10 juta melalui KSP Sejahtera Bersama', actions: [], version: 3 });
    const after = await act(w.dinsos.client, capital.id, { action: 'withdraw', reason: 'Terlambat' });
    expect(after.json()).toMatchObject({ code: 'referral_transition_invalid' });
    const history = (await w.dinsos.client.get(`/api/referrals/${capital.id}/history`)).json<ReferralEvent[]>();
    expect(history.map((e) => [e.action, e.fromStatus, e.toStatus, e.text])).toEqual([
      ['send', null, 'sent', 'Usaha keripik sudah berjalan 3 bulan'],
      ['accept', 'sent', 'accepted', 'Dijadwalkan asesmen KUR'],
      ['serve', 'accepted', 'served', 'Pinjaman KUR Rp10 juta melalui KSP Sejahtera Bersama'],
    ]);
    const audit = await w.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', '=', capital.id).orderBy('id').execute();
    expect(audit).toEqual([{ action: 'create', entity: 'referral' }, { action: 'update', entity: 'referral' }, { action: 'update', entity: 'referral' }]);
  });

  it('is declined only with a reason, which the sender sees', async () => {
    const training = await sendReferral(w.dinsos.client, { familyId: w.kepanjenFamily.id, toAgencyId: w.agencies.disnaker.id, services: ['packaging_training'], sharing: LEGAL_BASIS });
    const declined = (await act(w.disnaker.client, training.id, { action: 'decline', reason: 'Kuota pelatihan pengemasan 2026 sudah penuh' })).json<Referral>();
    expect(declined).toMatchObject({ status: 'declined', reason: 'Kuota pelatihan pengemasan 2026 sudah penuh' });
    expect(declined.closedAt).not.toBeNull();
    expect((await box(w.dinsos.client, 'box=sent&status=declined')).items.map((r) => r.id)).toEqual([training.id]);
  });

  it('refuses a referral to one’s own agency, a member of another family and dates that make no sense', async () => {
    const base = { familyId: w.kepanjenFamily.id, services: ['marketing'], sharing: LEGAL_BASIS };
    expect((await w.dinsos.client.post('/api/referrals', { ...base, toAgencyId: w.agencies.dinsos.id })).json()).toMatchObject({ code: 'referral_same_agency' });
    expect((await w.dinsos.client.post('/api/referrals', { ...base, toAgencyId: w.agencies.dpmd.id, memberId: w.donomulyoFamily.members[0]!.id })).json())
      .toMatchObject({ code: 'referral_member_not_in_family' });
    const past = await w.dinsos.client.post('/api/referrals', { ...base, toAgencyId: w.agencies.dpmd.id, dueOn: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'referral_date_invalid', message: 'Tanggal tidak masuk akal: dueOn (2020-01-01).' });
    const futureConsent = await w.dinsos.client.post('/api/referrals', { ...base, toAgencyId: w.agencies.dpmd.id, sharing: { basis: 'consent', consentOn: '2099-01-01', consentBy: 'Sumarni' } });
    expect(futureConsent.json()).toMatchObject({ code: 'referral_date_invalid' });
  });

  it('notifies the receiving agency of a new referral and the sender of the answer', async () => {
    const unread = async (client: TestClient) => (await client.get('/api/notifications/unread-count')).json<{ unread: number }>().unread;
    const list = async (client: TestClient) => (await client.get('/api/notifications')).json<{ items: { id: string; kind: string; params: Record<string, string>; link: string }[] }>().items;
    // Disperindagkop: one new referral; Dinsos: accepted and served; Disnaker: one received; DPMD: received then withdrawn.
    expect((await list(w.disperindagkop.client)).map((n) => n.kind)).toEqual(['referral.received']);
    expect((await list(w.dinsos.client)).map((n) => n.kind).sort()).toEqual(['referral.accepted', 'referral.declined', 'referral.served']);
    expect((await list(w.dpmd.client)).map((n) => n.kind)).toEqual(['referral.withdrawn', 'referral.received']);
    const [received] = await list(w.disperindagkop.client);
    expect(received).toMatchObject({ link: `/rujukan/${capital.id}`, params: { from: w.agencies.dinsos.shortName, services: 'capital_access,marketing' } });
    expect(await unread(w.disperindagkop.client)).toBe(1);
    expect((await w.disperindagkop.client.post(`/api/notifications/${received!.id}/read`)).json()).toEqual({ unread: 0 });
    // Read by one user only: a colleague in the same agency still sees it unread.
    const colleague = await loginAs(w.t.app, await makeUser(w.db, { role: 'operator', agencyId: w.agencies.disperindagkop.id }));
    expect(await unread(colleague)).toBe(1);
    expect(await unread(w.pimpinan.client)).toBe(0);
    expect((await w.dpmd.client.post(`/api/notifications/${received!.id}/read`)).statusCode).toBe(404);
    expect((await w.dinsos.client.post('/api/notifications/read-all')).json()).toEqual({ unread: 0 });
  });

  it('puts every step on the family’s timeline for the agencies involved only', async () => {
    const timeline = async (client: TestClient) => (await client.get(`/api/families/${w.kepanjenFamily.id}/timeline`)).json<FamilyTimeline>();
    const mine = (await timeline(w.disperindagkop.client)).items.filter((e) => e.source === 'referrals').map((e) => e.kind);
    expect(mine.sort()).toEqual(['referral.accept', 'referral.send', 'referral.serve']);
    const dinsos = (await timeline(w.dinsos.client)).items.filter((e) => e.source === 'referrals');
    expect(dinsos).toHaveLength(5);
    expect(dinsos.find((e) => e.kind === 'referral.send' && e.link === `/rujukan/${capital.id}`)?.title.id).toBe(`Dirujuk ${w.agencies.dinsos.shortName} → ${w.agencies.disperindagkop.shortName}`);
    expect((await timeline(w.dpmd.client)).items.filter((e) => e.source === 'referrals')).toEqual([]);
  });
});
