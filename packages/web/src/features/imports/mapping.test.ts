import { FAMILY_FIELDS, MEMBER_FIELDS, SHIPPED_TEMPLATES, type ImportTemplateItem } from '@sinergi/domain';
import { describe, expect, it } from 'vitest';
import { applyTemplate, FIELD_GROUPS, groupsFor, mappingBody, missingOf, requirementOf, setField, unusedHeaders, withKind } from './mapping.ts';

const template = (id: string): ImportTemplateItem => {
  const shipped = SHIPPED_TEMPLATES.find((tpl) => tpl.id === id);
  if (!shipped) throw new Error(`no template ${id}`);
  return { ...shipped, familyAliases: { ...shipped.familyAliases }, memberAliases: { ...shipped.memberAliases }, createdAt: null };
};

describe('import mapping', () => {
  it('offers every family and member field exactly once', () => {
    const family = FIELD_GROUPS.filter((g) => g.side === 'family').flatMap((g) => g.fields);
    const member = FIELD_GROUPS.filter((g) => g.side === 'member').flatMap((g) => g.fields);
    expect([...family].sort()).toEqual([...FAMILY_FIELDS].sort());
    expect([...member].sort()).toEqual([...MEMBER_FIELDS].sort());
    expect(groupsFor('family').every((g) => g.side === 'family')).toBe(true);
    expect(groupsFor('combined')).toHaveLength(FIELD_GROUPS.length);
  });

  it('maps a DTSEN member sheet with the shipped template and finds nothing missing', () => {
    const headers = ['Nomor Induk Kependudukan', 'nomor_kartu_keluarga', 'NAMA', 'tanggal_lahir', 'keterangan'];
    const draft = applyTemplate(headers, template('dtsen-member'));
    expect(draft.mapping).toEqual({
      sheetKind: 'member',
      family: {},
      member: { nik: 'Nomor Induk Kependudukan', noKk: 'nomor_kartu_keluarga', name: 'NAMA', birthDate: 'tanggal_lahir' },
    });
    expect(missingOf(draft)).toEqual([]);
    expect(unusedHeaders(headers, draft.mapping)).toEqual(['keterangan']);
  });

  it('names the required fields a mapping lacks, and none for a sheet left out', () => {
    const draft = applyTemplate(['nik', 'nama'], template('dtsen-member'));
    expect(missingOf(draft)).toEqual(['member.noKk']);
    const filled = { ...draft, mapping: setField(draft.mapping, 'member', 'noKk', 'nik') };
    expect(missingOf(filled)).toEqual([]);
    expect(missingOf({ ...draft, included: false })).toEqual([]);
    expect(setField(filled.mapping, 'member', 'noKk', null).member.noKk).toBeUndefined();
  });

  it('marks the fields that satisfy a requirement for the sheet kind', () => {
    expect(requirementOf('family', 'villageLocalCode', 'family')).toBe('family.villageCode');
    expect(requirementOf('member', 'noKk', 'member')).toBe('member.noKk');
    expect(requirementOf('member', 'noKk', 'combined')).toBeNull();
    expect(requirementOf('family', 'address', 'family')).toBeNull();
  });

  it('sends only the sides of each sheet kind, null for sheets left out, and the template name to save', () => {
    const member = applyTemplate(['nik', 'no_kk', 'nama'], template('dtsen-member'));
    const family = { ...member, mapping: withKind({ ...member.mapping, family: { noKk: 'no_kk' } }, 'family'), templateId: null };
    expect(mappingBody({ anggota: member, catatan: { ...member, included: false } }, 'DTSEN Malang')).toEqual({
      sheets: { anggota: { sheetKind: 'member', family: {}, member: { nik: 'nik', noKk: 'no_kk', name: 'nama' } }, catatan: null },
      templateId: 'dtsen-member',
      saveAsTemplate: 'DTSEN Malang',
    });
    expect(family.mapping).toEqual({ sheetKind: 'family', family: { noKk: 'no_kk' }, member: {} });
  });
});
