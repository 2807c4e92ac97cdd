import { can } from '@sinergi/domain';
import type { SessionUser } from '../../../http/context.ts';
import { AppError } from '../../../http/errors.ts';
import { assertInScope } from '../../../http/scope.ts';
import { requireActive, requireManage, type OwnedProgram } from '../access.ts';

/**
 * Who records a hand-over: admins anywhere; the owner agency's operators and pendamping (the route already demands
 * programs.distribute), each only for families inside his region scope. A pendamping of another agency does not hand
 * over this agency's aid: the money and goods are the owner agency's responsibility.
 */
export function requireDistribute(user: SessionUser, program: OwnedProgram, villageCode: string): void {
  if (user.role !== 'admin' && user.agencyId !== program.agency_id) throw new AppError('program_other_agency', { agency: program.agency_short_name });
  assertInScope(user, villageCode);
  requireActive(program);
}

/** Corrections and replaced proof change a recorded hand-over: the owner agency's operators (or admins), in scope. */
export function requireCorrect(user: SessionUser, program: OwnedProgram, villageCode: string): void {
  if (!can(user.role, 'programs.manage')) throw new AppError('forbidden');
  requireManage(user, program);
  assertInScope(user, villageCode);
}

/** Stages are part of the program's plan: only who manages the program sets them. */
export function requireStagePlanning(user: SessionUser, program: OwnedProgram): void {
  requireManage(user, program);
}
