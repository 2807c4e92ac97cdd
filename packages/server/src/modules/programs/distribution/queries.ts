import type { BenefitItem, Handover, HandoverRevision, ProofFile, ProofKind } from '@sinergi/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { iso } from '../present.ts';

/** A hand-over with what its views show about stage, family and officer. */
export interface HandoverRow {
  id: string;
  program_id: string;
  stage_id: string;
  stage_number: number;
  stage_name: string;
  enrolment_id: string;
  family_id: string;
  head_name: string | null;
  kecamatan_code: string;
  village_code: string;
  village_name: string;
  client_key: string;
  handed_on: string;
  officer_name: string | null;
  amount: number;
  items: unknown;
  people: number;
  latitude: number | null;
  longitude: number | null;
  accuracy_m: number | null;
  note: string | null;
  revision: number;
  recorded_at: Date;
}

const SELECT_HANDOVER = sql`
  SELECT h.id, h.program_id, h.stage_id, s.number AS stage_number, s.name AS stage_name, h.enrolment_id, h.family_id, f.head_name,
         h.kecamatan_code, h.village_code, v.name AS village_name, h.client_key, h.handed_on, u.full_name AS officer_name, h.amount, h.items,
         h.people, h.latitude, h.longitude, h.accuracy_m, h.note, h.revision, h.recorded_at
    FROM distribution_handover h
    JOIN distribution_stage s ON s.id = h.stage_id
    JOIN family f ON f.id = h.family_id
    JOIN region v ON v.code = h.village_code
    LEFT JOIN app_user u ON u.id = h.officer_id`;

export async function findHandover(db: Kysely<DB>, programId: string, id: string): Promise<HandoverRow | undefined> {
  const result = await sql<HandoverRow>`${SELECT_HANDOVER} WHERE h.id = ${id}::uuid AND h.program_id = ${programId}::uuid`.execute(db);
  return result.rows[0];
}

export async function findHandoverByKey(db: Kysely<DB>, programId: string, clientKey: string): Promise<HandoverRow | undefined> {
  const result = await sql<HandoverRow>`${SELECT_HANDOVER} WHERE h.program_id = ${programId}::uuid AND h.client_key = ${clientKey}`.execute(db);
  return result.rows[0];
}

export async function findHandoverOfStage(db: Kysely<DB>, enrolmentId: string, stageId: string): Promise<HandoverRow | undefined> {
  const result = await sql<HandoverRow>`${SELECT_HANDOVER} WHERE h.enrolment_id = ${enrolmentId}::uuid AND h.stage_id = ${stageId}::uuid`.execute(db);
  return result.rows[0];
}

export interface HandoverFilter {
  programId: string;
  /** Conditions on alias `h` (scope, region, stage, family). */
  conditions: RawBuilder<SqlBool>[];
}

function where(filter: HandoverFilter): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.join([sql<SqlBool>`h.program_id = ${filter.programId}::uuid`, ...filter.conditions], sql` AND `)}`;
}

export async function listHandovers(db: Kysely<DB>, filter: HandoverFilter, page: { page: number; pageSize: number }): Promise<HandoverRow[]> {
  const result = await sql<HandoverRow>`${SELECT_HANDOVER} WHERE ${where(filter)}
    ORDER BY h.handed_on DESC, h.recorded_at DESC, h.id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`.execute(db);
  return result.rows;
}

export async function countHandovers(db: Kysely<DB>, filter: HandoverFilter): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM distribution_handover h WHERE ${where(filter)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

interface ProofRow {
  id: string;
  handover_id: string;
  kind: ProofKind;
  file_type: string;
  file_size: number;
  reason: string | null;
  user_name: string | null;
  at: Date;
}

/** Proof images of hand-overs, oldest first. */
export async function proofsOf(db: Kysely<DB>, handoverIds: readonly string[]): Promise<ProofRow[]> {
  if (handoverIds.length === 0) return [];
  return db
    .selectFrom('distribution_proof as p')
    .leftJoin('app_user as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.handover_id', 'p.kind', 'p.file_type', 'p.file_size', 'p.reason', 'u.full_name as user_name', 'p.at'])
    .where('p.handover_id', 'in', handoverIds)
    .orderBy('p.at')
    .orderBy('p.id')
    .execute();
}

export function toProofFile(row: ProofRow): ProofFile {
  return { id: row.id, kind: row.kind, type: row.file_type, size: row.file_size, reason: row.reason, user: row.user_name, at: iso(row.at) };
}

/** The newest proof of each kind: earlier ones were replaced (they stay in the history). */
export function currentProofs(rows: readonly ProofRow[]): ProofFile[] {
  const latest = new Map<ProofKind, ProofRow>();
  for (const row of rows) latest.set(row.kind, row);
  return [...latest.values()].map(toProofFile);
}

export function toHandover(row: HandoverRow, proofs: ProofFile[]): Handover {
  return {
    id: row.id, programId: row.program_id, stageId: row.stage_id, stageNumber: row.stage_number, stageName: row.stage_name,
    enrolmentId: row.enrolment_id, familyId: row.family_id, headName: row.head_name, kecamatanCode: row.kecamatan_code,
    villageCode: row.village_code, villageName: row.village_name, handedOn: row.handed_on, officer: row.officer_name, amount: row.amount,
    items: row.items as BenefitItem[], people: row.people,
    gps: row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude, accuracyM: row.accuracy_m },
    note: row.note, revision: row.revision, proofs, recordedAt: iso(row.recorded_at),
  };
}

/** Hand-overs with their current proof images. */
export async function presentHandovers(db: Kysely<DB>, rows: readonly HandoverRow[]): Promise<Handover[]> {
  const proofs = await proofsOf(db, rows.map((row) => row.id));
  return rows.map((row) => toHandover(row, currentProofs(proofs.filter((proof) => proof.handover_id === row.id))));
}

export async function handoverRevisions(db: Kysely<DB>, handoverId: string): Promise<HandoverRevision[]> {
  const rows = await db
    .selectFrom('distribution_handover_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.revision', 'r.handed_on', 'r.amount', 'r.items', 'r.note', 'r.reason', 'u.full_name as user_name', 'r.at'])
    .where('r.handover_id', '=', handoverId)
    .orderBy('r.revision')
    .execute();
  return rows.map((row) => ({
    revision: row.revision, handedOn: row.handed_on, amount: row.amount, items: row.items as BenefitItem[], note: row.note, reason: row.reason,
    user: row.user_name, at: iso(row.at),
  }));
}
