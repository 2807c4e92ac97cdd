import { AgencyInput, PartnerInput, UserCreate } from '@sinergi/domain';
import { isValidElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { zodValidator } from './validation.tsx';

/** The translation key and values a rendered message will show. */
function messageOf(node: ReactNode): { messageKey: string; values?: Record<string, number> } | undefined {
  if (!isValidElement<{ messageKey: string; values?: Record<string, number> }>(node)) return undefined;
  return { messageKey: node.props.messageKey, ...(node.props.values ? { values: node.props.values } : {}) };
}

function messages(errors: Record<string, ReactNode>) {
  return Object.fromEntries(Object.entries(errors).map(([field, node]) => [field, messageOf(node)]));
}

describe('zodValidator', () => {
  it('accepts valid values with no errors', () => {
    expect(zodValidator(AgencyInput)({ name: 'Dinas Sosial', shortName: 'Dinsos', kind: 'dinsos' })).toEqual({});
  });

  it('names blank, too short and too long fields with the limits of the shared schema', () => {
    const errors = zodValidator(AgencyInput)({ name: '', shortName: 'D', kind: 'dinsos' });
    expect(messages(errors)).toEqual({ name: { messageKey: 'required' }, shortName: { messageKey: 'tooShort', values: { min: 2 } } });
    const long = zodValidator(AgencyInput)({ name: 'x'.repeat(201), shortName: 'Dinsos', kind: 'dinsos' });
    expect(messages(long)).toEqual({ name: { messageKey: 'tooLong', values: { max: 200 } } });
  });

  it('uses the field message given for a format or custom rule', () => {
    const errors = zodValidator(UserCreate, { username: 'username' })({
      username: 'bad name!', fullName: 'Budi', role: 'operator', agencyId: '7d8298ed-d344-4866-b310-a9cdc3f466e3', scopeCodes: [], password: 'x',
    });
    expect(messages(errors)).toEqual({ username: { messageKey: 'username' } });
    const partner = zodValidator(PartnerInput, { phone: 'phone' })({ name: 'LPK Maju', type: 'lpk', phone: 'abc', email: 'nope' });
    expect(messages(partner)).toEqual({ phone: { messageKey: 'phone' }, email: { messageKey: 'invalid' } });
  });

  it('asks to choose when an option is missing', () => {
    const errors = zodValidator(AgencyInput)({ name: 'Dinas Sosial', shortName: 'Dinsos', kind: '' });
    expect(messages(errors)).toEqual({ kind: { messageKey: 'required' } });
  });
});
