import { can, type ProgramStatus } from '@sinergi/domain';
import type { SessionUser } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { assertInScope } from '../../http/scope.ts';

/** What the ownership checks need to know about a program. */
export interface OwnedProgram {
  agency_id: string;
  agency_short_name: string;
  status: ProgramStatus;
}

/** An admin changes any program; an operator only his own agency's. */
export function mayManageProgram(user: SessionUser, program: Pick<OwnedProgram, 'agency_id'>): boolean {
  if (user.role === 'admin') return true;
  return can(user.role, 'programs.manage') && user.agencyId === program.agency_id;
}

/** Refuses a change by anyone but the owner agency's staff (403) or to a closed program (409). */
export function requireManage(user: SessionUser, program: OwnedProgram): void {
  if (!mayManageProgram(user, program)) throw new AppError('program_other_agency', { agency: program.agency_short_name });
  if (program.status === 'closed') throw new AppError('program_closed');
}

/** Work on candidates and beneficiaries needs an active program. */
export function requireActive(program: Pick<OwnedProgram, 'status'>): void {
  if (program.status === 'closed') throw new AppError('program_closed');
  if (program.status !== 'active') throw new AppError('program_not_active', { status: program.status });
}

/**
 * Field verification: the owner agency's operators and any pendamping, each only within his region scope
 * (the place the family was drawn in); admins everywhere.
 */
export function requireVerify(user: SessionUser, program: OwnedProgram, villageCode: string): void {
  if (user.role !== 'admin') {
    if (user.role !== 'pendamping' && !mayManageProgram(user, program)) throw new AppError('program_other_agency', { agency: program.agency_short_name });
    if (!can(user.role, 'programs.verify')) throw new AppError('forbidden');
  }
  assertInScope(user, villageCode);
  requireActive(program);
}
