import type { DatabaseKind } from '../../packages/server/src/db/database.ts';
import type { MachineFacts } from './machine.ts';

export interface BenchOptions {
  /** Families seeded on the embedded database. */
  families: number;
  /** Families seeded on PostgreSQL (only when DATABASE_URL is set). */
  pgFamilies: number;
  /** Sequential GET /api/health requests per server. */
  requests: number;
  /** Sequential logins per server. */
  logins: number;
  /** Registry import and search: families on the embedded database. */
  registryFamilies: number;
  /** Registry import and search: families on PostgreSQL. */
  registryPgFamilies: number;
  /** Registry search: queries of each kind per database. */
  queries: number;
  /** PostgreSQL to create scratch databases in; absent = embedded only. */
  databaseUrl: string | undefined;
  /** The databases the registry benchmarks measure this time; the other's latest results are kept. */
  kinds: DatabaseKind[];
}

/** One table in SUMMARY.md. */
export interface ResultTable {
  headers: string[];
  rows: (string | number)[][];
}

export interface BenchResult {
  name: string;
  title: string;
  date: string;
  machine: MachineFacts;
  parameters: Record<string, unknown>;
  /** Raw numbers, units in the key names (…_seconds, …_ms, …_per_s). */
  measurements: Record<string, number | null>;
  /** Each measured thing against the physical limit measured in the same run (1.0 = at the limit). */
  ratios: Record<string, number | null>;
  table: ResultTable;
  notes: string[];
}

export type BenchOutcome = Omit<BenchResult, 'name' | 'title' | 'date' | 'machine'>;

export interface Benchmark {
  name: string;
  title: string;
  run(options: BenchOptions): Promise<BenchOutcome>;
}
