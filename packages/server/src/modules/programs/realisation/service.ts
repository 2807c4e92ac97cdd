import { inScope, type Measures, type Realisation, type RealisationArea, type RealisationKecamatan, type RealisationQuery, type RealisedMeasures } from '@sinergi/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { familyScopeCondition } from '../../registry/scope-filter.ts';
import type { ProgramContext } from '../context.ts';
import { programQuotas, type QuotaRow } from '../queries.ts';
import { requireProgram } from '../service.ts';
import { programStages, requireStage, stageValue, type StageRow } from '../distribution/stages.ts';
import { areaBreakdown, codeAtLevel, inArea, KECAMATAN_LEVEL, regionNames, rollUp, underArea } from '../../regions/breakdown.ts';
import { decreedByKecamatan, realisedByKecamatan, realisedByStage, type RealisedRow } from './queries.ts';

const NOTHING: RealisedMeasures = { families: 0, people: 0, money: 0, units: 0 };

function realised(row: RealisedRow | undefined): RealisedMeasures {
  return row ? { families: row.families, people: row.people, money: Number(row.money), units: row.units } : { ...NOTHING };
}

function add(a: RealisedMeasures, b: RealisedMeasures): RealisedMeasures {
  return { families: a.families + b.families, people: a.people + b.people, money: a.money + b.money, units: a.units + b.units };
}

/** What a stage asks for: every decreed family receives it, each worth the stage's value. */
function stageTarget(stage: StageRow, decreed: number): Measures {
  return { families: decreed, people: null, money: decreed * stageValue(stage), units: stage.kind === 'in_kind' ? decreed : null };
}

function quotaTarget(quota: QuotaRow | undefined): Measures {
  return quota ? { families: quota.families, people: null, money: quota.money, units: quota.units } : { families: null, people: null, money: null, units: null };
}

/** Sum of the quotas a limited user sees; null where none of them sets the measure. */
function sumQuotas(quotas: readonly QuotaRow[]): Measures {
  const total = (pick: (q: QuotaRow) => number | null) => {
    const values = quotas.map(pick).filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  return { families: total((q) => q.families), people: null, money: total((q) => q.money), units: total((q) => q.units) };
}

/** Null stays null only while every part leaves the measure unset. */
function addNullable(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

type AreaTotals = Omit<RealisationArea, 'code' | 'name'>;

function addKecamatan(total: AreaTotals | undefined, row: RealisationKecamatan): AreaTotals {
  if (!total) return { target: { ...row.target }, decreed: row.decreed, realised: { ...row.realised } };
  const target: Measures = {
    families: addNullable(total.target.families, row.target.families), people: addNullable(total.target.people, row.target.people),
    money: addNullable(total.target.money, row.target.money), units: addNullable(total.target.units, row.target.units),
  };
  return { target, decreed: total.decreed + row.decreed, realised: add(total.realised, row.realised) };
}

/**
 * Target against realisation of one program in the user's scope: totals, per kecamatan and per stage. Without a
 * stage the targets are the program's (or, for a user with a limited scope, his kecamatan's quotas); for one stage they
 * are the decreed families and what that stage gives them. With an area (a regency of a province, a kecamatan), only
 * its part, its targets the sum of its kecamatan quotas; byArea rolls the kecamatan rows up one level below the area.
 */
export async function programRealisation(context: ProgramContext, programId: string, query: RealisationQuery): Promise<Realisation> {
  const program = await requireProgram(context.db, programId);
  const stage = query.stageId ? await requireStage(context.db, programId, query.stageId) : null;
  const { user } = context;
  const limited = user.scopeCodes.length > 0;
  const scopeH = familyScopeCondition(user, 'h') as RawBuilder<SqlBool> | null;
  const scopeE = familyScopeCondition(user, 'e') as RawBuilder<SqlBool> | null;
  const breakdown = await areaBreakdown(context.db, context.config, user, query.area, KECAMATAN_LEVEL);
  const { narrowTo } = breakdown;
  const handoverConditions = [...(scopeH ? [scopeH] : []), ...(narrowTo ? [underArea('h.kecamatan_code', narrowTo)] : [])];
  const enrolmentConditions = [...(scopeE ? [scopeE] : []), ...(narrowTo ? [underArea('e.kecamatan_code', narrowTo)] : [])];
  const kecamatanConditions = stage ? [...handoverConditions, sql<SqlBool>`h.stage_id = ${stage.id}::uuid`] : handoverConditions;

  const [byKecamatanRows, byStageRows, decreed, quotas, stages] = await Promise.all([
    realisedByKecamatan(context.db, programId, kecamatanConditions),
    realisedByStage(context.db, programId, handoverConditions),
    decreedByKecamatan(context.db, programId, enrolmentConditions),
    programQuotas(context.db, programId),
    programStages(context.db, programId),
  ]);
  const visibleQuotas = quotas.filter((quota) => inScope(user.scopeCodes, quota.kecamatanCode) && inArea(narrowTo, quota.kecamatanCode));
  const realisedOf = new Map(byKecamatanRows.map((row) => [row.key, row]));
  const quotaOf = new Map(visibleQuotas.map((quota) => [quota.kecamatanCode, quota]));
  const codes = [...new Set([...quotaOf.keys(), ...decreed.keys(), ...realisedOf.keys()])].sort();
  const areaCodes = codes.map((code) => codeAtLevel(code, breakdown.rowLevel));
  const names = await regionNames(context.db, [...codes, ...areaCodes]);

  const byKecamatan: RealisationKecamatan[] = codes.map((code) => {
    const decreedHere = decreed.get(code) ?? 0;
    return {
      kecamatanCode: code,
      kecamatanName: names.get(code) ?? code,
      target: stage ? stageTarget(stage, decreedHere) : quotaTarget(quotaOf.get(code)),
      decreed: decreedHere,
      realised: realised(realisedOf.get(code)),
    };
  });
  const decreedTotal = [...decreed.values()].reduce((a, b) => a + b, 0);
  const programTarget: Measures = limited || narrowTo !== null
    ? sumQuotas(visibleQuotas)
    : { families: program.target_families, people: program.target_people, money: program.target_money, units: program.target_units };
  const stageOf = new Map(byStageRows.map((row) => [row.key, row]));
  return {
    programId,
    stageId: stage?.id ?? null,
    scope: limited ? 'limited' : 'all',
    target: stage ? stageTarget(stage, decreedTotal) : programTarget,
    decreed: decreedTotal,
    realised: byKecamatan.reduce((sum, row) => add(sum, row.realised), { ...NOTHING }),
    byKecamatan,
    area: breakdown.area,
    parents: breakdown.parents,
    byAreaLevel: breakdown.rowLevel,
    byArea: [...rollUp(byKecamatan, (row) => row.kecamatanCode, breakdown.rowLevel, addKecamatan).entries()].map(([code, row]) => ({ code, name: names.get(code) ?? code, ...row })),
    byStage: stages.map((row) => ({
      stageId: row.id, number: row.number, name: row.name, kind: row.kind, plannedFrom: row.planned_from, plannedTo: row.planned_to,
      target: stageTarget(row, decreedTotal), realised: realised(stageOf.get(row.id)),
    })),
  };
}
