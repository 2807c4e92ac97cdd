import type { Generated } from 'kysely';
import type { Timestamp, Defaulted } from './columns.ts';

/** Cross-program views (migration 0011): pairs of program kinds that should not be combined. */
export interface ProgramConflictRuleTable {
  id: Generated<string>;
  kind_a: string;
  kind_b: string;
  period: Defaulted<'same_year' | 'ever'>;
  note: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CoverageTables {
  program_conflict_rule: ProgramConflictRuleTable;
}
