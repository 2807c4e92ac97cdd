import { describe, expect, it } from 'vitest';
import { ExplainNodeSchema, RuleCatalogue, ruleCatalogue } from './catalogue.ts';
import { BUSINESS_PACKAGE_RULE } from './examples.ts';
import { explainRule } from './explain.ts';
import { family } from './test-fixtures.ts';

describe('rule catalogue for the editor', () => {
  it('is plain JSON that matches its API schema', () => {
    const catalogue = ruleCatalogue();
    expect(RuleCatalogue.parse(JSON.parse(JSON.stringify(catalogue)))).toEqual(catalogue);
    expect(catalogue.familyFields.find((field) => field.key === 'floorType')).toMatchObject({
      type: 'code', group: 'house', label: { id: 'Jenis lantai terluas' }, operators: ['=', '!=', 'in', 'not in', 'is empty', 'is not empty'],
    });
    expect(catalogue.memberFields.find((field) => field.key === 'age')).toMatchObject({ type: 'number', min: 0, max: 150, unit: { id: 'tahun' } });
    expect(catalogue.familyFields.filter((field) => field.priority).map((field) => field.key))
      .toEqual(['desilNational', 'desilProvince', 'desilRegency', 'memberCount', 'floorAreaPerPerson']);
  });

  it('describes explanations for the API', () => {
    const explanation = explainRule(BUSINESS_PACKAGE_RULE, family(), { referenceDate: '2026-03-01' });
    expect(ExplainNodeSchema.parse(JSON.parse(JSON.stringify(explanation)))).toEqual(JSON.parse(JSON.stringify(explanation)));
  });
});
