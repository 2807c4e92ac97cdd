const UNIQUE_VIOLATION = '23505';

/** True for PostgreSQL's (and PGlite's) unique_violation, e.g. two saves of the same name racing each other. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION;
}
