import type { FamilyTimeline, TimelineEvent } from '@sinergi/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.ts';
import { testDatabaseKinds } from '../../../../test/db.ts';
import { loginAs, makeUser, type TestUser } from '../../../../test/factories.ts';
import { makeFamily, testNik, type TestFamily } from '../../../../test/family-factories.ts';
import { registerTimelineSource } from './sources.ts';

const KEMIRI = '35.07.13.2001'; // Kepanjen
const SENGGURUH = '35.07.13.2002'; // Kepanjen

const masked = (id: string) => `${id.slice(0, 4)}********${id.slice(-4)}`;

describe.each(testDatabaseKinds)('family timeline on %s', (kind) => {
  let t: TestApp;
  let editor: TestUser;
  let operator: TestClient;
  let family: TestFamily;
  let other: TestFamily;
  const unregister: (() => void)[] = [];
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    editor = await makeUser(db, { role: 'operator' });
    operator = await loginAs(t.app, editor);
    family = await makeFamily(db, {
      villageCode: KEMIRI,
      headName: 'Sugeng Widodo',
      desil: 3,
      members: [
        { name: 'Sugeng Widodo', sex: 'L', birthDate: '1975-08-17', relation: 1 },
        { name: 'Budi Widodo', sex: 'L', birthDate: '1999-04-01', relation: 3 },
      ],
    });
    other = await makeFamily(db, { villageCode: SENGGURUH, headName: 'Joko Susilo' });
    // The family was first recorded in 2023; then an import, an edit and a move follow.
    await db.updateTable('family').set({ created_at: '2023-02-01T02:00:00Z' }).where('id', '=', family.id).execute();
    await db.updateTable('member').set({ created_at: '2023-02-01T02:00:00Z' }).where('family_id', '=', family.id).execute();
    const batch = await db
      .insertInto('import_batch')
      .values({ file_name: 'dtsen-2024-q3.xlsx', files: JSON.stringify([]), file_size: 1, file_sha256: 'cd'.repeat(32), status: 'done', created_by: editor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('registry_change')
      .values([
        { entity: 'family', entity_id: family.id, family_id: family.id, changes: JSON.stringify({ roofType: [7, 2] }), source: 'import', batch_id: batch.id, user_id: editor.id, at: '2024-08-01T05:00:00Z' },
        { entity: 'member', entity_id: family.members[1]!.id, family_id: family.id, changes: JSON.stringify({ education: [2, 3] }), source: 'import', batch_id: batch.id, user_id: editor.id, at: '2024-08-01T05:00:00Z' },
      ])
      .execute();
    expect((await operator.patch(`/api/families/${family.id}`, { version: 1, changes: { desilNational: 2 } })).statusCode).toBe(200);
    expect((await operator.post(`/api/members/${family.members[1]!.id}/move`, { version: 1, familyId: other.id, date: '2025-03-01' })).statusCode).toBe(200);
    const baby = { nik: testNik(KEMIRI, '2025-06-01', 'P'), name: 'Ayu Widodo', sex: 'P', birthDate: '2025-06-01', relation: 5 };
    expect((await operator.post(`/api/families/${family.id}/members`, { member: baby, startDate: '2025-06-01' })).statusCode).toBe(201);
  });
  afterEach(() => {
    while (unregister.length > 0) unregister.pop()?.();
  });
  afterAll(async () => t.close());

  const timeline = async (query = '') => {
    const res = await operator.get(`/api/families/${family.id}/timeline${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FamilyTimeline>();
  };
  const isNewestFirst = (items: TimelineEvent[]) => items.every((e, i) => i === 0 || Date.parse(items[i - 1]!.at) >= Date.parse(e.at));

  it('tells the registry’s story newest first: recorded, imported, edited, moved out', async () => {
    const { items, truncated, unavailableSources } = await timeline();
    expect(unavailableSources).toEqual([]);
    expect(truncated).toBe(false);
    expect(isNewestFirst(items)).toBe(true);
    expect(items.map((e) => [e.kind, e.source])).toEqual([
      ['registry.edit', 'registry'],
      ['registry.member_joined', 'membership'],
      ['registry.member_moved_out', 'membership'],
      ['registry.import', 'registry'],
      ['registry.family_recorded', 'registry'],
    ]);
    expect(items.at(-1)).toMatchObject({ at: '2023-02-01T02:00:00.000Z', detail: { id: 'Sumber data: test' } });

    const imported = items.find((e) => e.kind === 'registry.import');
    expect(imported).toMatchObject({ at: '2024-08-01T05:00:00.000Z', title: { id: 'Diperbarui dari impor dtsen-2024-q3.xlsx' }, actor: { username: editor.username } });
    expect(imported?.detail?.id).toBe('Jenis atap terluas: Jerami/ijuk/daun-daunan/rumbia → Genteng | Budi Widodo: Ijazah tertinggi: SMP/sederajat → SMA/SMK/sederajat');

    const movedOut = items.find((e) => e.kind === 'registry.member_moved_out');
    expect(movedOut).toMatchObject({ at: '2025-03-01T00:00:00.000Z', allDay: true, title: { id: 'Pindah keluar: Budi Widodo' }, detail: { en: `To family card ${masked(other.noKk)}` }, link: `/keluarga/${other.id}` });

    expect(items[1]).toMatchObject({ at: '2025-06-01T00:00:00.000Z', allDay: true, title: { id: 'Anggota bergabung: Ayu Widodo' } });

    const edited = items.find((e) => e.kind === 'registry.edit');
    expect(edited).toMatchObject({ title: { en: 'Family data edited' }, detail: { id: 'Desil nasional: 3 → 2' }, actor: { username: editor.username } });
    // The member count that followed the move is told by the move itself, not as a second edit.
    expect(items.filter((e) => e.detail?.en.includes('Number of family members'))).toEqual([]);
  });

  it('merges the events of other modules’ sources in time order', async () => {
    unregister.push(
      registerTimelineSource('programs', async (_db, familyId) => [
        { at: '2024-01-15T08:00:00.000Z', kind: 'program.enrolled', source: 'programs', title: { id: `PKH ${familyId.slice(0, 4)}`, en: 'Enrolled in PKH' } },
        { at: new Date(Date.now() + 86_400_000).toISOString(), kind: 'program.visit_planned', source: 'programs', title: { id: 'Kunjungan dijadwalkan', en: 'Visit planned' }, link: '/programs/pkh' },
      ]),
    );
    const { items } = await timeline();
    expect(isNewestFirst(items)).toBe(true);
    expect(items[0]).toMatchObject({ kind: 'program.visit_planned', source: 'programs' });
    const kinds = items.map((e) => e.kind);
    expect(kinds.indexOf('program.enrolled')).toBe(kinds.indexOf('registry.family_recorded') - 1);
    expect(kinds.indexOf('program.enrolled')).toBe(kinds.indexOf('registry.import') + 1);
  });

  it('shows the other sources when one fails or answers nonsense, and names the failing ones', async () => {
    unregister.push(registerTimelineSource('referrals', () => Promise.reject(new Error('referral service down'))));
    unregister.push(registerTimelineSource('visits', async () => [{ at: 'yesterday' } as unknown as TimelineEvent]));
    const { items, unavailableSources } = await timeline();
    expect(unavailableSources).toEqual(['referrals', 'visits']);
    expect(items.some((e) => e.kind === 'registry.family_recorded')).toBe(true);
  });

  it('cuts the timeline at the limit, newest kept, and says so', async () => {
    const all = await timeline();
    const cut = await timeline('?limit=2');
    expect(cut.truncated).toBe(true);
    expect(cut.items).toEqual(all.items.slice(0, 2));
  });
});
