import type { ColumnType } from 'kysely';

/** Column shapes shared by the table types (kept in step with db/migrations). */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
