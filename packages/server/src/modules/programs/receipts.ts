import { DEFAULT_PROGRAM_TABLES, RECEIVED_STATUSES, type ProgramTables } from '@sinergi/domain';

/**
 * Where eligibility rules find "received program X": the real program tables, counting enrolments from the decree on
 * (a candidate or a cancelled family did not receive anything), dated by the day served or else the decree's date.
 * Every compile, evaluation and explanation of a rule passes this same description, so SQL and TypeScript agree.
 */
export const PROGRAM_RECEIPT_TABLES: ProgramTables = {
  ...DEFAULT_PROGRAM_TABLES,
  dateColumn: 'received_on',
  statusColumn: 'status',
  countedStatuses: RECEIVED_STATUSES,
};
