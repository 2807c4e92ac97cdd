import { describe, expect, it } from 'vitest';
import { FAMILY_CORRECTION_FIELDS, MEMBER_CORRECTION_FIELDS, requestedChangesOf } from './correction-fields.ts';

describe('requestedChangesOf', () => {
  it('turns coded answers back into their codes and keeps text as typed', () => {
    expect(requestedChangesOf([{ field: 'name', value: ' Siti Aminah ' }, { field: 'relation', value: '3' }, { field: 'sex', value: 'P' }], MEMBER_CORRECTION_FIELDS))
      .toEqual({ name: 'Siti Aminah', relation: 3, sex: 'P' });
  });

  it('leaves out blanks, unknown fields and codes that are not on the list', () => {
    expect(requestedChangesOf([{ field: 'address', value: '' }, { field: 'desilNational', value: '1' }, { field: 'floorType', value: '99' }, { field: 'rt', value: '004' }], FAMILY_CORRECTION_FIELDS))
      .toEqual({ rt: '004' });
  });
});
