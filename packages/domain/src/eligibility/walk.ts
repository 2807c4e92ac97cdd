import type { Condition } from './ast.ts';
import { familyRuleField, memberRuleField, type FieldScope } from './fields.ts';

/** Every condition of a tree with the scope it is read in, parents before children. */
export function conditionsOf(root: Condition, scope: FieldScope = 'family'): { node: Condition; scope: FieldScope }[] {
  const found: { node: Condition; scope: FieldScope }[] = [{ node: root, scope }];
  switch (root.kind) {
    case 'all':
    case 'any':
      return [...found, ...root.conditions.flatMap((child) => conditionsOf(child, scope))];
    case 'not':
      return [...found, ...conditionsOf(root.condition, scope)];
    case 'anyMember':
    case 'allMembers':
    case 'head':
      return [...found, ...conditionsOf(root.where, 'member')];
    case 'countMembers':
      return root.where ? [...found, ...conditionsOf(root.where, 'member')] : found;
    case 'compare':
    case 'receivedProgram':
      return found;
  }
}

/** The region codes a condition names, so the server can check they exist within its jurisdiction. */
export function regionCodesOf(root: Condition): string[] {
  const codes = new Set<string>();
  for (const { node, scope } of conditionsOf(root)) {
    if (node.kind !== 'compare') continue;
    const field = scope === 'family' ? familyRuleField(node.field) : memberRuleField(node.field);
    if (field?.type !== 'region' || node.value === undefined) continue;
    for (const value of Array.isArray(node.value) ? node.value : [node.value]) if (typeof value === 'string') codes.add(value);
  }
  return [...codes];
}
