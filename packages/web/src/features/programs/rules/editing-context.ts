import type { Condition, EligibilityRule, NodePath, RuleCatalogue, RuleCatalogueField } from '@sinergi/domain';
import { createContext, useContext } from 'react';
import type { RuleIssue } from './rule-tree.ts';

/** What every condition row of the rule editor needs, without passing it down each level. */
export interface RuleEditing {
  rule: EligibilityRule;
  catalogue: RuleCatalogue;
  issues: readonly RuleIssue[];
  /** Program names for "received program X" pick lists. */
  programs: { value: string; label: string }[];
  readOnly: boolean;
  replace: (path: NodePath, next: Condition) => void;
  remove: (path: NodePath) => void;
  append: (groupPath: NodePath, condition: Condition) => void;
}

export const RuleEditingContext = createContext<RuleEditing | null>(null);

export function useRuleEditing(): RuleEditing {
  const value = useContext(RuleEditingContext);
  if (!value) throw new Error('useRuleEditing outside the rule editor');
  return value;
}

export function fieldsOf(catalogue: RuleCatalogue, scope: 'family' | 'member'): RuleCatalogueField[] {
  return scope === 'family' ? catalogue.familyFields : catalogue.memberFields;
}

/** The data-path attribute of a node, e.g. "condition.conditions.1" (also what the browser test finds rows by). */
export const pathAttribute = (path: NodePath) => path.join('.');
