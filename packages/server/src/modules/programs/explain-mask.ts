import { isSpecificPpksCode, SPECIFIC_MEMBER_FIELDS, type Condition, type EligibilityRule, type ExplainNodeJson } from '@sinergi/domain';

const SPECIFIC_FIELDS: readonly string[] = SPECIFIC_MEMBER_FIELDS;

/** A PPKS comparison tells specific data unless every code it names is harmless ("is not empty" may be ODHA). */
function readsSpecificPpks(value: unknown): boolean {
  const codes = Array.isArray(value) ? value : [value];
  return codes.length === 0 || codes.some((code) => typeof code !== 'string' || isSpecificPpksCode(code));
}

/** Whether a member condition reads specific personal data (UU PDP): disabilities, illness, special status, sensitive PPKS. */
export function readsSpecificData(condition: Condition): boolean {
  switch (condition.kind) {
    case 'compare':
      return SPECIFIC_FIELDS.includes(condition.field) || (condition.field === 'ppks' && readsSpecificPpks(condition.value));
    case 'all':
    case 'any':
      return condition.conditions.some(readsSpecificData);
    case 'not':
      return readsSpecificData(condition.condition);
    case 'anyMember':
    case 'allMembers':
    case 'head':
      return readsSpecificData(condition.where);
    case 'countMembers':
      return condition.where ? readsSpecificData(condition.where) : false;
    case 'receivedProgram':
      return false;
  }
}

function conditionAt(rule: EligibilityRule, path: ExplainNodeJson['path']): Condition | undefined {
  let node: unknown = rule;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined;
  return node as Condition | undefined;
}

const hiddenText = (passed: boolean) => {
  const mark = passed ? '✓' : '✗';
  return {
    id: `Syarat tentang data pribadi spesifik anggota keluarga ${mark} (rincian per anggota disembunyikan)`,
    en: `Condition on family members' specific personal data ${mark} (details per member hidden)`,
  };
};

/**
 * The explanation as a viewer without unmask rights sees it: a member condition that reads specific personal data
 * keeps its family-level verdict, but says neither which member met it nor the values seen.
 */
export function maskSpecificExplanation(node: ExplainNodeJson, rule: EligibilityRule): ExplainNodeJson {
  const memberCondition = ['anyMember', 'allMembers', 'head', 'countMembers'].includes(node.kind);
  if (memberCondition) {
    const condition = conditionAt(rule, node.path);
    if (condition && readsSpecificData(condition)) return { path: node.path, kind: node.kind, passed: node.passed, text: hiddenText(node.passed), children: [] };
  }
  return { ...node, children: node.children.map((child) => maskSpecificExplanation(child, rule)) };
}
