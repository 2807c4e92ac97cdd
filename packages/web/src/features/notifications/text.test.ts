import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, id } from '../../i18n/messages.ts';
import { notificationText } from './text.ts';

const resources = { id: { translation: id }, en: { translation: en } };
const base = { id: '00000000-0000-4000-8000-000000000001', link: null, createdAt: '2026-03-02T02:00:00.000Z', read: false };

describe('notification texts', () => {
  it('phrases a new referral in both languages with service names', async () => {
    const t = await i18n.createInstance().init({ resources, lng: 'id', interpolation: { escapeValue: false } });
    const notification = { ...base, kind: 'referral.received', params: { from: 'Dinsos', services: 'capital_access,marketing', answerBy: '2026-03-09' } };
    expect(notificationText(t, 'id', notification)).toBe('Rujukan baru dari Dinsos: Akses permodalan, Pemasaran (jawab paling lambat 2026-03-09).');
    const english = await i18n.createInstance().init({ resources, lng: 'en', interpolation: { escapeValue: false } });
    expect(notificationText(english, 'en', notification)).toBe('New referral from Dinsos: Capital access, Marketing (answer by 2026-03-09).');
  });

  it('phrases a training follow-up reminder', async () => {
    const t = await i18n.createInstance().init({ resources, lng: 'id', interpolation: { escapeValue: false } });
    const notification = { ...base, kind: 'training.follow_up_due', params: { count: 4, months: 3, cohort: 'Menjahit A', dueOn: '2026-06-01' } };
    expect(notificationText(t, 'id', notification)).toBe('4 tindak lanjut 3 bulan angkatan Menjahit A jatuh tempo sejak 2026-06-01.');
  });

  it('falls back to a general sentence for a kind this app does not know yet', async () => {
    const t = await i18n.createInstance().init({ resources, lng: 'id', interpolation: { escapeValue: false } });
    expect(notificationText(t, 'id', { ...base, kind: 'meeting.follow_up_due', params: {} })).toBe('Ada pembaruan untuk Anda.');
  });
});
