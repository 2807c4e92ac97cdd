import { describe, expect, it } from 'vitest';
import { buildNik } from '../nik.ts';
import { FamilyEditBody, MemberAddBody, MemberEditBody, MemberEndBody } from './registry-edits.ts';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('family edit body', () => {
  it('accepts changes within the code lists and rules', () => {
    expect(ok(FamilyEditBody, { version: 3, changes: { desilNational: 10, floorType: 8, assets: ['sepeda'], floorAreaM2: 36.5, rt: '01', dataDate: '2025-03-31' } })).toBe(true);
    expect(ok(FamilyEditBody, { version: 1, changes: { desilProvince: null, businessSector: null, address: '' } })).toBe(true);
  });

  it('refuses values outside the rules, fields that follow the members, and empty edits', () => {
    for (const changes of [
      { desilNational: 11 },
      { desilNational: 2.5 },
      { floorType: 42 },
      { assets: ['sepeda', 'sepeda'] },
      { floorAreaM2: 36.55 },
      { memberCount: 3 },
      { headName: 'Budi' },
      { villageCode: '35.07.13' },
      { noKk: '3507130101000000' },
      { dataDate: '2999-01-01' },
      {},
    ]) {
      expect(ok(FamilyEditBody, { version: 1, changes }), JSON.stringify(changes)).toBe(false);
    }
    expect(ok(FamilyEditBody, { changes: { desilNational: 1 } })).toBe(false);
  });
});

describe('member bodies', () => {
  const nik = buildNik('35.07.13', '1979-11-02', 'P', 2);

  it('validates NIK with the domain rules and says why in both languages', () => {
    expect(ok(MemberEditBody, { version: 1, changes: { nik } })).toBe(true);
    const wrong = MemberEditBody.safeParse({ version: 1, changes: { nik: '3507137211790002' } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toContain('Tanggal lahir pada NIK tidak sah');
    expect(wrong.error?.issues[0]?.message).toContain('The birth date in the NIK is not a real date');
  });

  it('needs NIK and name for a new member and knows the end reasons', () => {
    expect(ok(MemberAddBody, { member: { nik, name: 'Siti', ppks: ['fakir_miskin'] } })).toBe(true);
    expect(ok(MemberAddBody, { member: { name: 'Siti' } })).toBe(false);
    expect(ok(MemberAddBody, { member: { nik, name: '  ' } })).toBe(false);
    expect(ok(MemberAddBody, { member: { nik, name: 'Siti', ppks: ['bukan_kategori'] } })).toBe(false);
    expect(ok(MemberEndBody, { version: 2, reason: 'deceased', date: '2025-01-01' })).toBe(true);
    expect(ok(MemberEndBody, { version: 2, reason: 'moved' })).toBe(false);
  });
});
