import { describe, expect, it } from 'vitest';
import { checkTransition, furtherStage, stageForProgram } from './pathway-stages.ts';

describe('pathway stages', () => {
  it('places a family by the programs that served it', () => {
    expect(stageForProgram({ kind: 'conditional_cash', approach: 'lower_spending', agencyKind: 'dinsos' })).toBe('bantuan');
    expect(stageForProgram({ kind: 'house_renovation', approach: 'remove_pockets', agencyKind: 'pupr_perkim' })).toBe('bantuan');
    expect(stageForProgram({ kind: 'business_package', approach: 'raise_income', agencyKind: 'dinsos' })).toBe('pemberdayaan');
    expect(stageForProgram({ kind: 'training', approach: 'raise_income', agencyKind: 'disnaker' })).toBe('pemberdayaan');
    expect(stageForProgram({ kind: 'mentoring', approach: 'raise_income', agencyKind: 'disperindagkop' })).toBe('pengembangan');
    expect(stageForProgram({ kind: 'food_aid', approach: 'lower_spending', agencyKind: 'disperindagkop' })).toBe('bantuan');
  });

  it('takes the further of two stages', () => {
    expect(furtherStage(null, 'bantuan')).toBe('bantuan');
    expect(furtherStage('pengembangan', 'pemberdayaan')).toBe('pengembangan');
    expect(furtherStage('bantuan', null)).toBe('bantuan');
  });

  it('refuses the same stage, a step back without a note, and mandiri without assessment or override', () => {
    const base = { note: null, passedAssessment: false, overrideReason: null };
    expect(checkTransition({ ...base, from: 'bantuan', to: 'bantuan' })).toEqual({ ok: false, code: 'pathway_same_stage' });
    expect(checkTransition({ ...base, from: 'pengembangan', to: 'bantuan' })).toEqual({ ok: false, code: 'pathway_note_required' });
    expect(checkTransition({ ...base, from: 'pengembangan', to: 'bantuan', note: 'Usaha bangkrut' })).toEqual({ ok: true, backward: true });
    expect(checkTransition({ ...base, from: 'pengembangan', to: 'mandiri' })).toEqual({ ok: false, code: 'pathway_graduation_required' });
    expect(checkTransition({ ...base, from: 'pengembangan', to: 'mandiri', passedAssessment: true })).toEqual({ ok: true, backward: false });
    expect(checkTransition({ ...base, from: null, to: 'mandiri', overrideReason: 'Keputusan rakor 12 Mei' })).toEqual({ ok: true, backward: false });
    expect(checkTransition({ ...base, from: null, to: 'pemberdayaan' })).toEqual({ ok: true, backward: false });
  });
});
