import {
  CONTRIBUTION_FORMS, RENOVATION_STAGES, type ContributionForm, type RenovationStage, type RenovationSummary, type RenovationSummaryQuery,
  type RenovationTarget, type RenovationTargetInput,
} from '@sinergi/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { scopeCodesByLevel } from '../../http/scope.ts';
import { areaBreakdown, KECAMATAN_LEVEL, regionNames, rollUp, underArea } from '../regions/breakdown.ts';
import { requireRegionInJurisdiction } from '../regions/service.ts';
import { owningAgencyFor } from './access.ts';
import { audit, type RenovationContext } from './context.ts';
import { houseInScope } from './queries.ts';

/** The year's target and its split over kecamatan. */
export async function getTarget(context: RenovationContext, year: number): Promise<RenovationTarget> {
  const target = await context.db.selectFrom('renovation_target').select('units').where('year', '=', year).executeTakeFirst();
  const kecamatan = await context.db
    .selectFrom('renovation_target_kecamatan as t')
    .leftJoin('region as r', 'r.code', 't.kecamatan_code')
    .select(['t.kecamatan_code as kecamatanCode', 'r.name as kecamatanName', 't.units'])
    .where('t.year', '=', year)
    .orderBy('t.kecamatan_code')
    .execute();
  return { year, units: target?.units ?? null, kecamatan };
}

/** Sets the year's target (e.g. 1,500 units) and its kecamatan split; PUPR/Perkim, Dinsos or an admin. */
export async function setTarget(context: RenovationContext, year: number, input: z.output<typeof RenovationTargetInput>): Promise<RenovationTarget> {
  if (context.user.scopeCodes.length > 0) throw new AppError('out_of_scope');
  if (context.user.role !== 'admin') await owningAgencyFor(context, null);
  const codes = new Set<string>();
  for (const entry of input.kecamatan) {
    const region = await requireRegionInJurisdiction(context.db, context.config, entry.kecamatanCode);
    if (region.level !== 3 || codes.has(entry.kecamatanCode)) throw new AppError('validation_failed', {}, [{ path: '/kecamatan', message: entry.kecamatanCode }]);
    codes.add(entry.kecamatanCode);
  }
  await context.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('renovation_target')
      .values({ year, units: input.units, updated_by: context.user.id })
      .onConflict((oc) => oc.column('year').doUpdateSet({ units: input.units, updated_by: context.user.id, updated_at: new Date() }))
      .execute();
    await trx.deleteFrom('renovation_target_kecamatan').where('year', '=', year).execute();
    if (input.kecamatan.length > 0) {
      await trx.insertInto('renovation_target_kecamatan').values(input.kecamatan.map((entry) => ({ year, kecamatan_code: entry.kecamatanCode, units: entry.units }))).execute();
    }
  });
  await audit(context, { action: 'update', entity: 'renovation_target', entityId: String(year), details: { units: input.units, kecamatan: input.kecamatan.length } });
  return getTarget(context, year);
}

type PlaceCounts = Omit<RenovationSummary['byArea'][number], 'code' | 'name'>;

/** A region's total of its kecamatan: the target stays null only while none of them has one. */
function addPlace(total: PlaceCounts | undefined, row: PlaceCounts): PlaceCounts {
  if (!total) return { target: row.target, completed: row.completed, inProgress: row.inProgress, pipeline: row.pipeline };
  const target = total.target === null ? row.target : row.target === null ? total.target : total.target + row.target;
  return { target, completed: total.completed + row.completed, inProgress: total.inProgress + row.inProgress, pipeline: total.pipeline + row.pipeline };
}

const zeroForms = () => Object.fromEntries(CONTRIBUTION_FORMS.map((form) => [form, 0])) as Record<ContributionForm, number>;

/**
 * Target against realisation for a year: houses per stage, per kecamatan (with its target) and per funder (source and
 * partner: how many houses each helped, how many of those are completed, and the value given). A house counts for its
 * budget year; realised means completed. With an area (a regency of a province, a kecamatan) only its part; byArea rolls
 * the kecamatan up one level below the area (kabupaten/kota in a province installation).
 */
export async function renovationSummary(context: RenovationContext, query: RenovationSummaryQuery): Promise<RenovationSummary> {
  const { db, user } = context;
  const breakdown = await areaBreakdown(db, context.config, user, query.area, KECAMATAN_LEVEL);
  const kecamatan = query.kecamatanCode?.slice(0, 8) ?? null;
  const inAreaH = breakdown.narrowTo ? underArea('h.kecamatan_code', breakdown.narrowTo) : sql<boolean>`true`;
  const inAreaT = breakdown.narrowTo ? underArea('t.kecamatan_code', breakdown.narrowTo) : sql<boolean>`true`;
  const narrow = sql<boolean>`(${kecamatan}::text IS NULL OR h.kecamatan_code = ${kecamatan}) AND ${inAreaH}`;
  const stages = await sql<{ stage: RenovationStage; n: number }>`
    SELECT h.stage, count(*)::int AS n FROM renovation_house h
     WHERE h.year = ${query.year} AND ${houseInScope(user)} AND ${narrow} GROUP BY h.stage`.execute(db);
  const byStage = Object.fromEntries(RENOVATION_STAGES.map((stage) => [stage, 0])) as Record<RenovationStage, number>;
  for (const row of stages.rows) byStage[row.stage] = row.n;

  const places = await sql<{ code: string; name: string | null; target: number | null; completed: number; in_progress: number; pipeline: number }>`
    WITH houses AS (
      SELECT h.kecamatan_code AS code,
             count(*) FILTER (WHERE h.stage = 'completed')::int AS completed,
             count(*) FILTER (WHERE h.stage = 'in_progress')::int AS in_progress,
             count(*) FILTER (WHERE h.stage NOT IN ('completed', 'rejected'))::int AS pipeline
        FROM renovation_house h
       WHERE h.year = ${query.year} AND ${houseInScope(user)} AND ${narrow}
       GROUP BY h.kecamatan_code),
    targets AS (
      SELECT t.kecamatan_code AS code, t.units FROM renovation_target_kecamatan t
       WHERE t.year = ${query.year} AND (${kecamatan}::text IS NULL OR t.kecamatan_code = ${kecamatan})
         AND (${scopeKecamatanSql(user)}) AND ${inAreaT})
    SELECT coalesce(houses.code, targets.code) AS code, r.name, targets.units AS target,
           coalesce(houses.completed, 0) AS completed, coalesce(houses.in_progress, 0) AS in_progress, coalesce(houses.pipeline, 0) AS pipeline
      FROM houses FULL JOIN targets ON targets.code = houses.code
      LEFT JOIN region r ON r.code = coalesce(houses.code, targets.code)
     ORDER BY code`.execute(db);

  const funderRows = await sql<{ source: RenovationSummary['byFunder'][number]['source']; partner_id: string | null; partner_name: string | null; houses: number; completed_houses: number; value: number }>`
    SELECT f.source, f.partner_id, p.name AS partner_name, count(DISTINCT h.id)::int AS houses,
           count(DISTINCT h.id) FILTER (WHERE h.stage = 'completed')::int AS completed_houses, sum(f.value) AS value
      FROM renovation_funding f
      JOIN renovation_house h ON h.id = f.house_id
      LEFT JOIN partner p ON p.id = f.partner_id
     WHERE h.year = ${query.year} AND ${houseInScope(user)} AND ${narrow}
     GROUP BY f.source, f.partner_id, p.name
     ORDER BY sum(f.value) DESC, f.source, p.name`.execute(db);
  const formRows = await sql<{ source: string; partner_id: string | null; form: ContributionForm; value: number }>`
    SELECT f.source, f.partner_id, f.form, sum(f.value) AS value
      FROM renovation_funding f JOIN renovation_house h ON h.id = f.house_id
     WHERE h.year = ${query.year} AND ${houseInScope(user)} AND ${narrow}
     GROUP BY f.source, f.partner_id, f.form`.execute(db);
  const formsOf = new Map<string, Record<ContributionForm, number>>();
  for (const row of formRows.rows) {
    const key = `${row.source}|${row.partner_id ?? ''}`;
    const forms = formsOf.get(key) ?? zeroForms();
    forms[row.form] = Number(row.value);
    formsOf.set(key, forms);
  }

  const yearTarget = await db.selectFrom('renovation_target').select('units').where('year', '=', query.year).executeTakeFirst();
  const wholeJurisdiction = kecamatan === null && breakdown.narrowTo === null && user.scopeCodes.length === 0;
  const kecamatanTargets = places.rows.filter((row) => row.target !== null);
  const target = wholeJurisdiction ? (yearTarget?.units ?? null) : kecamatanTargets.length > 0 ? kecamatanTargets.reduce((sum, row) => sum + (row.target ?? 0), 0) : null;
  const byKecamatan = places.rows.map((row) => ({
    kecamatanCode: row.code, kecamatanName: row.name, target: row.target, completed: row.completed, inProgress: row.in_progress, pipeline: row.pipeline,
  }));
  const byArea = rollUp(byKecamatan, (row) => row.kecamatanCode, breakdown.rowLevel, addPlace);
  const areaNames = await regionNames(db, [...byArea.keys()]);
  return {
    year: query.year,
    target,
    completed: byStage.completed,
    byStage,
    byKecamatan,
    area: breakdown.area,
    parents: breakdown.parents,
    byAreaLevel: breakdown.rowLevel,
    byArea: [...byArea.entries()].map(([code, counts]) => ({ code, name: areaNames.get(code) ?? code, ...counts })),
    byFunder: funderRows.rows.map((row) => ({
      source: row.source, partnerId: row.partner_id, partnerName: row.partner_name, houses: row.houses, completedHouses: row.completed_houses, value: Number(row.value),
      byForm: formsOf.get(`${row.source}|${row.partner_id ?? ''}`) ?? zeroForms(),
    })),
  };
}

/** Kecamatan targets a scoped user sees: those of the kecamatan he covers (whole or through some of its villages). */
function scopeKecamatanSql(user: RenovationContext['user']) {
  const scope = scopeCodesByLevel(user);
  if (!scope) return sql<boolean>`true`;
  const kecamatan = [...scope.kecamatan, ...scope.villages.map((code) => code.slice(0, 8))];
  return sql<boolean>`t.kecamatan_code = ANY(${kecamatan}::text[])`;
}
