import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { AppError } from '../../../http/errors.ts';

/**
 * What points at a member and must follow it when a duplicate is merged into the kept member.
 *
 * Every foreign key to member(id) is found in the catalogue, so a later module's table (program enrolments,
 * referrals, visits) is moved without anyone remembering to list it here. A plain `UPDATE … SET col = kept` is the
 * default; a table where that can clash (e.g. one enrolment per member and program) registers its own mover.
 */

export type MemberReferenceMover = (trx: Transaction<DB>, from: { removedId: string; keptId: string }) => Promise<void>;

interface ForeignKeyColumn {
  table: string;
  column: string;
}

/** Moved by the merge itself: memberships need their open/closed history fixed, not a blind update. */
const HANDLED_BY_MERGE = new Set(['family_membership']);

const movers = new Map<string, MemberReferenceMover>();

/** Lets a module move its own rows in a merge (called inside the merge's transaction). Keyed by table name. */
export function registerMemberReferenceMover(table: string, mover: MemberReferenceMover): void {
  movers.set(table, mover);
}

/** Single-column foreign keys to member(id) in the current schema. */
async function memberForeignKeys(trx: Transaction<DB>): Promise<ForeignKeyColumn[]> {
  const result = await sql<ForeignKeyColumn>`
    SELECT rel.relname AS "table", att.attname AS "column"
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
    WHERE con.contype = 'f' AND cardinality(con.conkey) = 1
      AND con.confrelid = 'member'::regclass AND ns.nspname = current_schema()
    ORDER BY 1, 2`.execute(trx);
  return result.rows;
}

/**
 * Points every reference to the removed member at the kept one. A clash with the kept member's own rows
 * (a unique key) cancels the whole merge with a message naming the table.
 */
export async function moveMemberReferences(trx: Transaction<DB>, removedId: string, keptId: string): Promise<string[]> {
  const moved: string[] = [];
  const keys = (await memberForeignKeys(trx)).filter((key) => !HANDLED_BY_MERGE.has(key.table));
  const tables = new Set([...keys.map((key) => key.table), ...movers.keys()]);
  for (const table of tables) {
    try {
      const mover = movers.get(table);
      if (mover) await mover(trx, { removedId, keptId });
      else {
        for (const key of keys.filter((k) => k.table === table)) {
          await sql`UPDATE ${sql.table(table)} SET ${sql.ref(key.column)} = ${keptId} WHERE ${sql.ref(key.column)} = ${removedId}`.execute(trx);
        }
      }
      moved.push(table);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('duplicate_merge_blocked', { table });
      throw error;
    }
  }
  return moved;
}
