import type { Condition, EligibilityRule, ProgramExplanation } from '@sinergi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/db.ts';
import { readsSpecificData } from './explain-mask.ts';
import { activeProgram, businessPackage, insertFamilies, KEPANJEN_VILLAGES, noKkAt, programsWorld, type ProgramsWorld } from './test-kit.ts';

const anyMember = (where: Condition): Condition => ({ kind: 'anyMember', where });
const DISABILITY_RULE: EligibilityRule = {
  version: 1,
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'compare', field: 'desilNational', op: '<=', value: 5 },
      anyMember({ kind: 'compare', field: 'disabilities', op: 'is not empty' }),
    ],
  },
};

describe('which member conditions read specific personal data', () => {
  it('counts disabilities, illness, special status and sensitive PPKS codes, not harmless PPKS or sex', () => {
    expect(readsSpecificData(anyMember({ kind: 'compare', field: 'specialStatus', op: 'contains', value: 'warga_binaan' }))).toBe(true);
    expect(readsSpecificData({ kind: 'head', where: { kind: 'compare', field: 'chronicIllness', op: 'is not empty' } })).toBe(true);
    expect(readsSpecificData(anyMember({ kind: 'compare', field: 'ppks', op: 'is not empty' }))).toBe(true);
    expect(readsSpecificData(anyMember({ kind: 'compare', field: 'ppks', op: 'contains any', value: ['fakir_miskin', 'odha'] }))).toBe(true);
    expect(readsSpecificData(anyMember({ kind: 'compare', field: 'ppks', op: 'contains any', value: ['fakir_miskin'] }))).toBe(false);
    expect(readsSpecificData(anyMember({ kind: 'compare', field: 'sex', op: '=', value: 'P' }))).toBe(false);
  });
});

describe.each(testDatabaseKinds)('program explanations and specific personal data on %s', (kind) => {
  let w: ProgramsWorld;
  beforeAll(async () => {
    w = await programsWorld(kind);
  });
  afterAll(async () => w.t.close());

  it('names the member with a disability only to those who may unmask, keeping the family verdict for all', async () => {
    const noKk = noKkAt(KEPANJEN_VILLAGES[0], 901);
    const [familyId] = await insertFamilies(w.db, [
      { noKk, villageCode: KEPANJEN_VILLAGES[0], desil: 2, business: 'stalled', headSex: 'P', headBirthDate: '1980-01-01', disabledMember: true },
    ]);
    const program = await activeProgram(w.dinsosOperator, businessPackage({ rule: DISABILITY_RULE }));
    const child = `Anak ${noKk.slice(-4)}`;
    for (const client of [w.kepanjenPendamping, w.pimpinan]) {
      const res = await client.get(`/api/programs/${program.id}/explain/${familyId}`);
      expect(res.statusCode, res.body).toBe(200);
      const explanation = res.json<ProgramExplanation>();
      expect(explanation.eligible).toBe(true);
      expect(explanation.tree.children[1]).toMatchObject({ kind: 'anyMember', passed: true, children: [] });
      expect(explanation.tree.children[1]?.text.id).toContain('disembunyikan');
      expect(res.body).not.toContain(child);
      expect(res.body).not.toContain('berjalan');
    }
    const full = await w.dinsosOperator.get(`/api/programs/${program.id}/explain/${familyId}`);
    expect(full.body).toContain(child);
    const views = await w.db.selectFrom('audit_log').select('details').where('entity', '=', 'family').where('entity_id', '=', familyId!).orderBy('id').execute();
    expect(views.map((v) => (v.details as { specificDataShown: boolean }).specificDataShown)).toEqual([false, false, true]);
  });
});
