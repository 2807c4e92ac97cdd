import { leavesPlace } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { DB } from '../../../db/schema/index.ts';
import { AppError } from '../../../http/errors.ts';
import type { ProgramContext } from '../context.ts';
import { insertChange, type EnrolmentRow } from './queries.ts';

interface WaitingFamily {
  family_id: string;
  kecamatan_code: string;
  village_code: string;
  rank: number;
  score: number;
}

/**
 * The next family on the adopted run's waiting list that is not in the program yet: from the same kecamatan first (its
 * quota keeps the place), then from anywhere, by rank.
 */
export async function nextWaitingFamily(db: Kysely<DB>, programId: string, runId: string, kecamatanCode: string): Promise<WaitingFamily | undefined> {
  const result = await sql<WaitingFamily>`
    SELECT rf.family_id, rf.kecamatan_code, rf.village_code, rf.rank, rf.score
      FROM program_run_family rf
     WHERE rf.run_id = ${runId}::uuid AND rf.outcome = 'waiting'
       AND NOT EXISTS (SELECT 1 FROM program_enrolment e WHERE e.program_id = ${programId}::uuid AND e.family_id = rf.family_id)
     ORDER BY (rf.kecamatan_code = ${kecamatanCode}) DESC, rf.rank
     LIMIT 1`.execute(db);
  return result.rows[0];
}

/**
 * Enrols the next waiting family as a candidate in place of a rejected or cancelled one, linking both ways in the
 * history; runs inside the caller's transaction. Two officers replacing at once meet the unique indexes (409).
 */
export async function drawReplacement(
  trx: Kysely<DB>, context: ProgramContext, replaced: Pick<EnrolmentRow, 'id' | 'program_id' | 'status' | 'kecamatan_code' | 'replaced_by_id' | 'reason'>,
  runId: string | null, note: string | null,
): Promise<string> {
  if (!leavesPlace(replaced.status)) throw new AppError('enrolment_not_replaceable');
  if (replaced.replaced_by_id !== null) throw new AppError('enrolment_already_replaced');
  if (runId === null) throw new AppError('program_no_run');
  const next = await nextWaitingFamily(trx, replaced.program_id, runId, replaced.kecamatan_code);
  if (!next) throw new AppError('waiting_list_empty');
  try {
    const inserted = await trx
      .insertInto('program_enrolment')
      .values({
        program_id: replaced.program_id, family_id: next.family_id, kecamatan_code: next.kecamatan_code, village_code: next.village_code,
        status: 'candidate', source: 'replacement', run_id: runId, rank: next.rank, score: next.score, replaces_id: replaced.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const common = { program_id: replaced.program_id, decree_id: null, field_date: null, user_id: context.user.id };
    await insertChange(trx, {
      ...common, enrolment_id: replaced.id, action: 'replace', from_status: replaced.status, to_status: replaced.status,
      reason: replaced.reason, note, related_id: inserted.id,
    });
    await insertChange(trx, {
      ...common, enrolment_id: inserted.id, action: 'replacement', from_status: null, to_status: 'candidate',
      reason: replaced.reason, note, related_id: replaced.id,
    });
    return inserted.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict');
    throw error;
  }
}
