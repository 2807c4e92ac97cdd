import { describe, expect, it } from 'vitest';
import type { Condition, EligibilityRule } from './ast.ts';
import { evaluateRule } from './evaluate.ts';
import { BUSINESS_PACKAGE_RULE, HOUSE_RENOVATION_RULE } from './examples.ts';
import { explainRule, type ExplainNode } from './explain.ts';
import { family, head, member } from './test-fixtures.ts';

const context = { referenceDate: '2026-03-01', programKindLabels: { business_package: { id: 'Paket usaha', en: 'Business package' } } };
const lines = (node: ExplainNode): string[] => [node.text.id, ...node.children.flatMap(lines)];
const linesEn = (node: ExplainNode): string[] => [node.text.en, ...node.children.flatMap(linesEn)];
const ruleOf = (condition: Condition): EligibilityRule => ({ version: 1, condition });

describe('the business package rule on hand-made families', () => {
  it('qualifies a desil-3 family with a stalled business and a working-age head, and says why', () => {
    const eligible = family({ members: [head({ birthDate: '1980-07-01' })] });
    const explanation = explainRule(BUSINESS_PACKAGE_RULE, eligible, context);
    expect(explanation.passed).toBe(true);
    expect(lines(explanation)).toEqual([
      'Semua 4 syarat terpenuhi ✓',
      'Desil nasional 3, dalam 1–5 ✓',
      'Status usaha keluarga: Usaha macet ✓',
      'Kepala keluarga (Suparman): umur 45 tahun, dalam 18–59 tahun ✓',
      'Belum menerima program jenis Paket usaha pada tahun berjalan ✓',
    ]);
    expect(linesEn(explanation)[3]).toBe('Head of family (Suparman): age 45 years, within 18–59 years ✓');
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, eligible, context)).toBe(true);
  });

  it('fails a family whose head is 63, naming the failing condition and the value seen', () => {
    const older = family({ members: [head({ birthDate: '1962-05-01' })] });
    const explanation = explainRule(BUSINESS_PACKAGE_RULE, older, context);
    expect(explanation.passed).toBe(false);
    expect(explanation.text.id).toBe('1 dari 4 syarat tidak terpenuhi ✗');
    const headNode = explanation.children[2]!;
    expect(headNode).toMatchObject({ kind: 'head', passed: false, seen: 63, member: { name: 'Suparman', relation: 1 } });
    expect(headNode.text.id).toBe('Kepala keluarga (Suparman): umur 63 tahun, di luar 18–59 tahun ✗');
  });

  it('counts age in completed years: the 60th birthday on the reference date is already too old', () => {
    const turnsSixtyToday = family({ members: [head({ birthDate: '1966-03-01' })] });
    const turnsSixtyTomorrow = family({ members: [head({ birthDate: '1966-03-02' })] });
    const turnsEighteenToday = family({ members: [head({ birthDate: '2008-03-01' })] });
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, turnsSixtyToday, context)).toBe(false);
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, turnsSixtyTomorrow, context)).toBe(true);
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, turnsEighteenToday, context)).toBe(true);
  });

  it('lets someone born on 29 February age on 1 March in common years', () => {
    const leapling = family({ members: [head({ birthDate: '2008-02-29' })] });
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, leapling, { referenceDate: '2026-02-28' })).toBe(false);
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, leapling, { referenceDate: '2026-03-01' })).toBe(true);
  });

  it('refuses desil 6 and a missing desil, and says the desil is not recorded', () => {
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, family({ desilNational: 6 }), context)).toBe(false);
    const unknown = explainRule(BUSINESS_PACKAGE_RULE, family({ desilNational: null }), context);
    expect(unknown.passed).toBe(false);
    expect(unknown.children[0]?.text).toEqual({ id: 'Desil nasional tidak diisi ✗', en: 'National decile not recorded ✗' });
  });

  it('refuses a family without a recorded head of family', () => {
    const headless = explainRule(BUSINESS_PACKAGE_RULE, family({ members: [member()] }), context);
    expect(headless.children[2]?.text.id).toBe('Tidak ada kepala keluarga yang tercatat ✗');
  });

  it('excludes a family that already received a business package this year, but not last year or from the program being targeted', () => {
    const receipt = { programId: 'p-2026', kind: 'business_package', date: '2026-02-10', name: 'Paket Usaha Desa 2026' };
    const servedThisYear = family({ programs: [receipt] });
    const explanation = explainRule(BUSINESS_PACKAGE_RULE, servedThisYear, context);
    expect(explanation.passed).toBe(false);
    expect(explanation.children[3]?.text.id).toBe('Sudah menerima program jenis Paket usaha pada tahun berjalan (Paket Usaha Desa 2026, 10 Februari 2026) ✗');
    expect(explanation.children[3]?.seen).toEqual([receipt]);
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, family({ programs: [{ ...receipt, date: '2025-12-31' }] }), context)).toBe(true);
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, servedThisYear, { ...context, ignoreProgramId: 'p-2026' })).toBe(true);
    expect(evaluateRule(BUSINESS_PACKAGE_RULE, family({ programs: [{ ...receipt, kind: 'training' }] }), context)).toBe(true);
  });
});

describe('meaning of conditions', () => {
  it('treats a missing value as not meeting a comparison, so that `not` turns it into a pass', () => {
    const unknownDesil = family({ desilNational: null });
    expect(evaluateRule(ruleOf({ kind: 'compare', field: 'desilNational', op: '!=', value: 5 }), unknownDesil, context)).toBe(false);
    expect(evaluateRule(ruleOf({ kind: 'not', condition: { kind: 'compare', field: 'desilNational', op: '<=', value: 5 } }), unknownDesil, context)).toBe(true);
    expect(evaluateRule(ruleOf({ kind: 'compare', field: 'desilNational', op: 'is empty' }), unknownDesil, context)).toBe(true);
  });

  it('treats a blank business sector as empty', () => {
    const blank = family({ businessSector: '' });
    expect(evaluateRule(ruleOf({ kind: 'compare', field: 'businessSector', op: 'is empty' }), blank, context)).toBe(true);
    expect(evaluateRule(ruleOf({ kind: 'compare', field: 'businessSector', op: 'not in', value: ['pertanian'] }), blank, context)).toBe(false);
  });

  it('quantifies over members: any, all (true for no members), count, with one line per member', () => {
    const disabled = member({ name: 'Ani', disabilities: ['penglihatan'], relation: 3 });
    const withDisability = family({ members: [head(), disabled] });
    const anyDisability: Condition = { kind: 'anyMember', where: { kind: 'compare', field: 'disabilities', op: 'is not empty' } };
    const explanation = explainRule(ruleOf(anyDisability), withDisability, context);
    expect(explanation.text.id).toBe('Anggota keluarga yang memenuhi: Ani ✓');
    expect(explanation.children.map((child) => child.text.id)).toEqual([
      'Suparman (kepala keluarga): disabilitas (kesulitan fungsional): tidak ada ✗',
      'Ani (anak): disabilitas (kesulitan fungsional): Penglihatan ✓',
    ]);
    const allAdults: Condition = { kind: 'allMembers', where: { kind: 'compare', field: 'age', op: '>=', value: 18 } };
    expect(evaluateRule(ruleOf(allAdults), family({ members: [] }), context)).toBe(true);
    const twoOrMore: Condition = { kind: 'countMembers', op: '>=', value: 2, where: { kind: 'compare', field: 'sex', op: '=', value: 'P' } };
    const counted = explainRule(ruleOf(twoOrMore), withDisability, context);
    expect(counted.passed).toBe(false);
    expect(counted.text).toEqual({ id: 'Anggota yang memenuhi: 0 (syarat: paling sedikit 2) ✗', en: 'Members who meet it: 0 (required: at least 2) ✗' });
  });

  it('explains the house rule with derived floor area per person', () => {
    const crowded = family({ floorType: 2, wallType: 1, roofType: 2, toilet: 1, floorAreaM2: 21, members: [head(), member(), member(), member()] });
    const explanation = explainRule(HOUSE_RENOVATION_RULE, crowded, context);
    expect(explanation.passed).toBe(true);
    const criteria = explanation.children[2]!;
    expect(criteria.text.id).toBe('1 dari 5 pilihan terpenuhi ✓');
    expect(criteria.children[4]?.text).toEqual({ id: 'Luas lantai per orang 5,25 m² < 7,2 m² ✓', en: 'Floor area per person 5.25 m² < 7.2 m² ✓' });
  });
});
