import { describe, expect, it } from 'vitest';
import { inJurisdiction, inScope, leadsToScope, mayManageAgencyRecord } from './access.ts';

describe('region scope', () => {
  it('reaches everything with an empty scope, else the scope codes and what lies below them', () => {
    expect(inScope([], '35.07.01.2001')).toBe(true);
    expect(inScope(['35.07.13'], '35.07.13.2001')).toBe(true);
    expect(inScope(['35.07.13'], '35.07.13')).toBe(true);
    expect(inScope(['35.07.13'], '35.07.01.2001')).toBe(false);
    // 35.07.1 is not a prefix of 35.07.13 in region terms.
    expect(inScope(['35.07.1'], '35.07.13')).toBe(false);
  });

  it('leads to the scope from the regions above it, for the region picker', () => {
    const villages = ['35.07.13.2001', '35.07.13.1007'];
    expect(leadsToScope(villages, '35.07')).toBe(true);
    expect(leadsToScope(villages, '35.07.13')).toBe(true);
    expect(leadsToScope(villages, '35.07.13.2001')).toBe(true);
    expect(leadsToScope(villages, '35.07.13.2002')).toBe(false);
    expect(leadsToScope(villages, '35.07.01')).toBe(false);
    expect(leadsToScope([], '35.07.01')).toBe(true);
  });

  it('knows the jurisdiction and what lies below it', () => {
    expect(inJurisdiction('35.07', '35.07')).toBe(true);
    expect(inJurisdiction('35.07', '35.07.13.2001')).toBe(true);
    expect(inJurisdiction('35.07', '35.73.01')).toBe(false);
    expect(inJurisdiction('35.07', '35.070')).toBe(false);
  });
});

describe('agency-owned records', () => {
  const operator = { role: 'operator', agencyId: 'dinsos' } as const;
  it('lets an admin manage any, others only their own agency’s and unowned ones', () => {
    expect(mayManageAgencyRecord({ role: 'admin', agencyId: 'bappeda' }, 'dinsos')).toBe(true);
    expect(mayManageAgencyRecord(operator, 'dinsos')).toBe(true);
    expect(mayManageAgencyRecord(operator, null)).toBe(true);
    expect(mayManageAgencyRecord(operator, 'disnaker')).toBe(false);
  });
});
