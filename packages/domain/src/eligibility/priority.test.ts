import { describe, expect, it } from 'vitest';
import { BUSINESS_PACKAGE_PRIORITY, HOUSE_RENOVATION_PRIORITY } from './examples.ts';
import { compilePriorityScore, PRIORITY_TIE_BREAKER_SQL, priorityPoints, priorityScore, rankFamilies } from './priority.ts';
import { family, head, member } from './test-fixtures.ts';

const context = { referenceDate: '2026-03-01' };

describe('priority', () => {
  const poorer = family({ noKk: '3507010000000009', desilNational: 1 });
  const withDisability = family({ noKk: '3507010000000008', desilNational: 2, members: [head(), member({ name: 'Ani', disabilities: ['mengurus_diri'] })] });
  const femaleHead = family({ noKk: '3507010000000007', desilNational: 2, members: [head({ name: 'Sumiati', sex: 'P' })] });
  const plain = family({ noKk: '3507010000000006', desilNational: 2, members: [head()] });
  const plainTwin = family({ noKk: '3507010000000005', desilNational: 2, members: [head()] });
  const unknownDesil = family({ noKk: '3507010000000004', desilNational: null, members: [head({ sex: 'P' }), member({ disabilities: ['penglihatan'] })] });

  it('ranks lower desil first, then disability in the family, then a female head, then No KK', () => {
    const ranked = rankFamilies(BUSINESS_PACKAGE_PRIORITY, [plain, unknownDesil, femaleHead, plainTwin, withDisability, poorer], context);
    expect(ranked.map((entry) => entry.family.noKk)).toEqual([
      poorer.noKk, withDisability.noKk, femaleHead.noKk, plainTwin.noKk, plain.noKk, unknownDesil.noKk,
    ]);
  });

  it('explains the score key by key', () => {
    const score = priorityScore(BUSINESS_PACKAGE_PRIORITY, withDisability, context);
    // desil 2 of range 1–10 ascending gives 9 of 10 points; the score reads points as mixed-radix digits (11, 2, 2).
    expect(score.score).toBe((9 * 2 + 1) * 2 + 0);
    expect(score.maxScore).toBe((10 * 2 + 1) * 2 + 1);
    expect(score.parts.map((part) => part.text.id)).toEqual([
      'Desil nasional 2 (makin rendah makin didahulukan): 9 dari 10 poin',
      'Ada anggota penyandang disabilitas: ya, 1 dari 1 poin',
      'Kepala keluarga perempuan: tidak, 0 dari 1 poin',
    ]);
    expect(priorityPoints(BUSINESS_PACKAGE_PRIORITY, withDisability, context)).toBe(score.score);
    expect(priorityScore(BUSINESS_PACKAGE_PRIORITY, unknownDesil, context).parts[0]?.text.en).toBe('National decile not recorded (lower comes first): 0 of 10 points');
  });

  it('floors and clamps numeric keys into their priority range', () => {
    const tight = family({ floorAreaM2: 13, members: [head(), member()] });
    const roomy = family({ floorAreaM2: 400, members: [head()] });
    expect(priorityScore(HOUSE_RENOVATION_PRIORITY, tight, context).parts[0]?.points).toBe(31 - 6);
    expect(priorityScore(HOUSE_RENOVATION_PRIORITY, roomy, context).parts[0]?.points).toBe(1);
  });

  it('compiles the same score to SQL with values as parameters', () => {
    const { sql, params } = compilePriorityScore(BUSINESS_PACKAGE_PRIORITY, context);
    expect(sql).toContain('CASE WHEN f.desil_national IS NULL THEN 0 ELSE (11) - LEAST(GREATEST(floor(f.desil_national), 1), 10) END');
    expect(sql).toMatch(/^\(.*\)::bigint$/);
    expect(params).toEqual([1, 'P']);
    expect(PRIORITY_TIE_BREAKER_SQL).toBe('f.no_kk COLLATE "C"');
    expect(() => compilePriorityScore({ keys: [{ kind: 'field', field: 'businessTurnover', direction: 'asc' }] }, context)).toThrow(/Invalid priority/);
  });
});
