import type { NotificationPage } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { testDatabaseKinds } from '../../../test/db.ts';
import { loginAs, makeAgency, makeUser, type TestUser } from '../../../test/factories.ts';
import { notify } from './notify.ts';

describe.each(testDatabaseKinds)('notifications on %s', (kind) => {
  let t: TestApp;
  let budi: TestUser;
  let budiClient: TestClient;
  let colleague: TestClient;
  let outsider: TestClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const dinsos = await makeAgency(t.database.db, 'dinsos');
    budi = await makeUser(t.database.db, { agencyId: dinsos.id });
    budiClient = await loginAs(t.app, budi);
    colleague = await loginAs(t.app, await makeUser(t.database.db, { agencyId: dinsos.id }));
    outsider = await loginAs(t.app, await makeUser(t.database.db, { agencyId: (await makeAgency(t.database.db, 'disnaker')).id }));
    await notify(t.database.db, { agencyId: dinsos.id, kind: 'training.cohort_full', params: { cohort: 'Menjahit A', seats: 20 }, link: '/pelatihan/1' });
    await notify(t.database.db, { userId: budi.id, kind: 'training.follow_up_due', params: { months: 3 } });
  });
  afterAll(async () => t.close());

  const page = async (client: TestClient, query = '') => (await client.get(`/api/notifications${query}`)).json<NotificationPage>();

  it('shows a user his own notifications and his agency’s, newest first, and nobody else', async () => {
    const mine = await page(budiClient);
    expect(mine.items.map((n) => [n.kind, n.params, n.link, n.read])).toEqual([
      ['training.follow_up_due', { months: 3 }, null, false],
      ['training.cohort_full', { cohort: 'Menjahit A', seats: 20 }, '/pelatihan/1', false],
    ]);
    expect(mine).toMatchObject({ total: 2, unread: 2 });
    expect((await page(colleague)).items.map((n) => n.kind)).toEqual(['training.cohort_full']);
    expect(await page(outsider)).toMatchObject({ total: 0, unread: 0, items: [] });
  });

  it('marks read per user, and lists only unread ones on request', async () => {
    const [personal] = (await page(budiClient)).items;
    expect((await budiClient.post(`/api/notifications/${personal!.id}/read`)).json()).toEqual({ unread: 1 });
    expect((await colleague.post(`/api/notifications/${personal!.id}/read`)).statusCode).toBe(404);
    expect((await page(budiClient, '?unread=true')).items.map((n) => n.kind)).toEqual(['training.cohort_full']);
    expect((await budiClient.post('/api/notifications/read-all')).json()).toEqual({ unread: 0 });
    expect((await colleague.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });
});
