import { describe, expect, it } from 'vitest';
import type { EligibilityRule } from './ast.ts';
import { compileCondition, compileRule, DEFAULT_PROGRAM_TABLES } from './compile-sql.ts';
import { BUSINESS_PACKAGE_RULE } from './examples.ts';
import { RULE_FAMILY_FIELDS, RULE_MEMBER_FIELDS } from './fields.ts';

const options = { referenceDate: '2026-03-01' };

describe('compileRule', () => {
  it('compiles the business package rule to one parameterised condition over family f', () => {
    const { sql, params } = compileRule(BUSINESS_PACKAGE_RULE, options);
    expect(sql).toBe(
      '((f.desil_national BETWEEN $1::integer AND $2::integer) AND (f.business_status = $3::text)'
      + ' AND EXISTS (SELECT 1 FROM member m WHERE m.family_id = f.id AND m.relation = $4::integer AND (m.birth_date <= $5::date AND m.birth_date > $6::date))'
      + ' AND (NOT EXISTS (SELECT 1 FROM program_enrolment pe JOIN program p ON p.id = pe.program_id WHERE pe.family_id = f.id'
      + ' AND (p.kind = ANY($7::text[])) AND (pe.served_at)::date >= $8::date AND (pe.served_at)::date <= $9::date)))',
    );
    // Ages become birth-date cutoffs: 18 or older means born on or before 2008-03-01, under 60 means after 1966-03-01.
    expect(params).toEqual([1, 5, 'stalled', 1, '2008-03-01', '1966-03-01', ['business_package'], '2026-01-01', '2026-12-31']);
  });

  it('numbers placeholders from a given start, to append to a query with parameters', () => {
    const { sql, params } = compileCondition({ kind: 'compare', field: 'desilNational', op: '<=', value: 5 }, { ...options, firstParameter: 4 });
    expect(sql).toBe('(f.desil_national <= $4::integer)');
    expect(params).toEqual([5]);
  });

  it('negates a condition that can be NULL with IS NOT TRUE, so a missing value passes a negation as in TypeScript', () => {
    expect(compileCondition({ kind: 'not', condition: { kind: 'compare', field: 'desilNational', op: '<=', value: 5 } }, options).sql)
      .toBe('(((f.desil_national <= $1::integer)) IS NOT TRUE)');
    expect(compileCondition({ kind: 'not', condition: { kind: 'compare', field: 'businessStatus', op: '=', value: 'none' } }, options).sql)
      .toBe('(NOT (f.business_status = $1::text))');
  });

  it('refuses an invalid rule instead of compiling it, so hostile values never reach SQL', () => {
    const hostile = { version: 1, condition: { kind: 'compare', field: 'villageCode', op: 'in', value: ["35.07.01.2001'); DROP TABLE family; --"] } };
    expect(() => compileRule(hostile as EligibilityRule, options)).toThrow(/Invalid rule: .*not valid for Village/);
    const unknown = { version: 1, condition: { kind: 'compare', field: 'f.id; --', op: '=', value: 1 } };
    expect(() => compileRule(unknown as EligibilityRule, options)).toThrow(/Unknown field/);
  });

  it('keeps values out of the SQL text: every string value of a rule is a parameter', () => {
    const rule: EligibilityRule = {
      version: 1,
      condition: {
        kind: 'any',
        conditions: [
          { kind: 'compare', field: 'villageCode', op: 'in', value: ['35.07.01.2001', '35.07.02.2003'] },
          { kind: 'anyMember', where: { kind: 'compare', field: 'ppks', op: 'contains any', value: ['fakir_miskin'] } },
          { kind: 'receivedProgram', programIds: ['0b6f6a52-3d0e-4d38-9d43-8a3f7c1e2b11'], period: { from: '2025-01-01', to: '2025-06-30' } },
        ],
      },
    };
    const { sql, params } = compileRule(rule, { ...options, ignoreProgramId: 'c0ffee00-0000-4000-8000-000000000000' });
    const strings = params.flat().filter((value): value is string => typeof value === 'string');
    expect(strings).toHaveLength(7);
    for (const value of strings) expect(sql).not.toContain(value);
    expect(sql.match(/\$\d+/g)).toHaveLength(params.length);
  });

  it('refuses table names that are not plain identifiers', () => {
    const condition = { kind: 'receivedProgram' as const, period: 'ever' as const };
    expect(() => compileCondition(condition, { ...options, programTables: { ...DEFAULT_PROGRAM_TABLES, enrolmentTable: 'x; DROP TABLE family' } })).toThrow(/identifier/);
  });
});

describe('field catalogue', () => {
  it('has unique keys, labels in both languages, operators, and SQL without placeholders or statement breaks', () => {
    for (const fields of [RULE_FAMILY_FIELDS, RULE_MEMBER_FIELDS]) {
      expect(new Set(fields.map((field) => field.key)).size).toBe(fields.length);
      for (const field of fields) {
        expect(field.label.id && field.label.en).toBeTruthy();
        expect(field.operators.length).toBeGreaterThan(0);
        expect(field.sql).toMatch(field.scope === 'family' ? /\bf\./ : /\bm\./);
        expect(field.sql).not.toMatch(/[$;]|--/);
        if (field.type === 'code' || field.type === 'codes') expect(field.codes.length).toBeGreaterThan(0);
      }
    }
  });
});
