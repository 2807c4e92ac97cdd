import type { BenefitItem, ProgramEnrolmentCounts, ProgramListQuery } from '@sinergi/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import { containsPattern } from '../../db/like.ts';
import type { DB, ProgramTable } from '../../db/schema/index.ts';

export type ProgramRow = Selectable<ProgramTable> & { agency_name: string; agency_short_name: string };

function programRows(db: Kysely<DB>) {
  return db
    .selectFrom('program as p')
    .innerJoin('agency as a', 'a.id', 'p.agency_id')
    .selectAll('p')
    .select(['a.name as agency_name', 'a.short_name as agency_short_name']);
}

export async function findProgram(db: Kysely<DB>, id: string): Promise<ProgramRow | undefined> {
  return programRows(db).where('p.id', '=', id).executeTakeFirst();
}

export interface QuotaRow {
  kecamatanCode: string;
  kecamatanName: string;
  families: number;
  units: number | null;
  money: number | null;
}

export async function programQuotas(db: Kysely<DB>, programId: string): Promise<QuotaRow[]> {
  return db
    .selectFrom('program_quota as q')
    .innerJoin('region as r', 'r.code', 'q.kecamatan_code')
    .select(['q.kecamatan_code as kecamatanCode', 'r.name as kecamatanName', 'q.families', 'q.units', 'q.money'])
    .where('q.program_id', '=', programId)
    .orderBy('q.kecamatan_code')
    .execute();
}

const NO_ENROLMENTS: ProgramEnrolmentCounts = {
  candidate: 0, verified: 0, rejected: 0, in_decree: 0, served: 0, finished: 0, stopped: 0, cancelled: 0,
};

export async function enrolmentCounts(db: Kysely<DB>, programId: string): Promise<ProgramEnrolmentCounts> {
  const rows = await db
    .selectFrom('program_enrolment')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('program_id', '=', programId)
    .groupBy('status')
    .execute();
  const counts = { ...NO_ENROLMENTS };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export interface ProgramListRow extends ProgramRow {
  beneficiaries: number;
  candidates: number;
}

function filtered(db: Kysely<DB>, query: ProgramListQuery) {
  let rows = programRows(db);
  if (query.q) {
    const pattern = containsPattern(query.q);
    rows = rows.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('a.short_name', 'ilike', pattern), eb('a.name', 'ilike', pattern)]));
  }
  if (query.agencyId) rows = rows.where('p.agency_id', '=', query.agencyId);
  if (query.kind) rows = rows.where('p.kind', '=', query.kind);
  if (query.approach) rows = rows.where('p.approach', '=', query.approach);
  if (query.status) rows = rows.where('p.status', '=', query.status);
  if (query.year !== undefined) {
    rows = rows.where('p.period_from', '<=', `${query.year}-12-31`).where('p.period_to', '>=', `${query.year}-01-01`);
  }
  return rows;
}

/** Programs matching the filters, active first, then newest period; with beneficiary and candidate counts. */
export async function listPrograms(db: Kysely<DB>, query: ProgramListQuery): Promise<{ rows: ProgramListRow[]; total: number }> {
  const counts = db
    .selectFrom('program_enrolment')
    .select([
      'program_id',
      sql<number>`count(*) FILTER (WHERE status IN ('in_decree', 'served', 'finished'))::int`.as('beneficiaries'),
      sql<number>`count(*) FILTER (WHERE status IN ('candidate', 'verified'))::int`.as('candidates'),
    ])
    .groupBy('program_id')
    .as('c');
  const [rows, total] = await Promise.all([
    filtered(db, query)
      .leftJoin(counts, 'c.program_id', 'p.id')
      .select([sql<number>`coalesce(c.beneficiaries, 0)`.as('beneficiaries'), sql<number>`coalesce(c.candidates, 0)`.as('candidates')])
      .orderBy(sql`CASE p.status WHEN 'active' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END`)
      .orderBy('p.period_from', 'desc')
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered(db, query).clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export interface ProgramValues {
  name: string;
  kind: string;
  approach: string;
  description: string | null;
  periodFrom: string;
  periodTo: string;
  fundingSource: string;
  budget: number | null;
  unitValue: number | null;
  benefitItems: BenefitItem[];
  targetFamilies: number | null;
  targetPeople: number | null;
  targetUnits: number | null;
  targetMoney: number | null;
  regionCodes: string[];
  legalBasis: string | null;
}

export function programColumns(values: ProgramValues) {
  return {
    name: values.name,
    kind: values.kind,
    approach: values.approach,
    description: values.description,
    period_from: values.periodFrom,
    period_to: values.periodTo,
    funding_source: values.fundingSource,
    budget: values.budget,
    unit_value: values.unitValue,
    benefit_items: JSON.stringify(values.benefitItems),
    target_families: values.targetFamilies,
    target_people: values.targetPeople,
    target_units: values.targetUnits,
    target_money: values.targetMoney,
    region_codes: values.regionCodes,
    legal_basis: values.legalBasis,
  };
}

export async function replaceQuotas(db: Kysely<DB>, programId: string, quotas: readonly { kecamatanCode: string; families: number; units: number | null; money: number | null }[]): Promise<void> {
  await db.deleteFrom('program_quota').where('program_id', '=', programId).execute();
  if (quotas.length === 0) return;
  await db
    .insertInto('program_quota')
    .values(quotas.map((q) => ({ program_id: programId, kecamatan_code: q.kecamatanCode, families: q.families, units: q.units, money: q.money })))
    .execute();
}

export async function insertRuleVersion(db: Kysely<DB>, programId: string, version: number, rule: unknown, priority: unknown, userId: string | null): Promise<void> {
  await db
    .insertInto('program_rule_version')
    .values({
      program_id: programId, version, rule: rule === null ? null : JSON.stringify(rule), priority: priority === null ? null : JSON.stringify(priority),
      created_by: userId,
    })
    .execute();
}

export async function ruleVersions(db: Kysely<DB>, programId: string) {
  return db
    .selectFrom('program_rule_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select(['v.version', 'v.rule', 'v.priority', 'u.full_name as createdBy', 'v.created_at'])
    .where('v.program_id', '=', programId)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function programIds(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('program').select('id').execute()).map((row) => row.id);
}

export async function regionNames(db: Kysely<DB>, codes: readonly string[]): Promise<Record<string, string>> {
  if (codes.length === 0) return {};
  const rows = await db.selectFrom('region').select(['code', 'name']).where('code', 'in', [...codes]).execute();
  return Object.fromEntries(rows.map((row) => [row.code, row.name]));
}

export async function programNames(db: Kysely<DB>, ids: readonly string[]): Promise<Record<string, string>> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (valid.length === 0) return {};
  const rows = await db.selectFrom('program').select(['id', 'name']).where('id', 'in', valid).execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}

/**
 * Settings for one targeting or preview transaction: JIT compilation costs more than it saves on these statements
 * (about 0.1 s per query), and the ranking sorts of a large run should stay in memory.
 */
export async function tuneTransaction(trx: Kysely<DB>, options: { sortMemory?: boolean } = {}): Promise<void> {
  await sql`SET LOCAL jit = off`.execute(trx);
  if (options.sortMemory) await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
}
