import {
  conditionsOf, PROGRAM_KIND_LABELS, regionCodesOf, type Condition, type EligibilityRule, type PhraseOptions, type PriorityOrder,
} from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { programNames, regionNames } from './queries.ts';

/** Every condition of a rule and of a priority order's condition keys. */
export function ruleConditions(rule: EligibilityRule | null, priority: PriorityOrder | null): Condition[] {
  return [
    ...(rule ? [rule.condition] : []),
    ...(priority?.keys.flatMap((key) => (key.kind === 'condition' ? [key.condition] : [])) ?? []),
  ];
}

/** Names of the regions and programs a rule mentions, so that it reads "Kecamatan Kepanjen", not "35.07.13". */
export async function phraseOptionsFor(db: Kysely<DB>, conditions: readonly Condition[]): Promise<PhraseOptions> {
  const regions = new Set<string>();
  const programs = new Set<string>();
  for (const root of conditions) {
    for (const code of regionCodesOf(root)) regions.add(code);
    for (const { node } of conditionsOf(root)) if (node.kind === 'receivedProgram') for (const id of node.programIds ?? []) programs.add(id);
  }
  return {
    regionNames: await regionNames(db, [...regions]),
    programNames: await programNames(db, [...programs]),
    programKindLabels: PROGRAM_KIND_LABELS,
  };
}
