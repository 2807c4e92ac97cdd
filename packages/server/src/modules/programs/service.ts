import {
  leadsToScope, PROGRAM_KINDS, PROGRAM_STATUS_TRANSITIONS, regionLevel, type EligibilityRule, type Page, type PriorityOrder, type Program,
  type ProgramCreate, type ProgramListItem, type ProgramListQuery, type ProgramRuleVersion, type ProgramStatus, type ProgramUpdate,
} from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit, type AuditEntry } from '../audit/record.ts';
import { checkPriority, checkRule } from '../eligibility/service.ts';
import { normalizeScopeCodes } from '../users/scope.ts';
import { mayManageProgram, requireManage } from './access.ts';
import type { ProgramContext } from './context.ts';
import { phraseOptionsFor, ruleConditions } from './phrases.ts';
import { iso, storedRule, toListItem, toProgram } from './present.ts';
import {
  enrolmentCounts, findProgram, insertRuleVersion, listPrograms, programColumns, programIds, programQuotas, replaceQuotas, ruleVersions,
  type ProgramRow, type ProgramValues,
} from './queries.ts';

type CreateValues = z.output<typeof ProgramCreate>;
type UpdateValues = z.output<typeof ProgramUpdate>;
type QuotaValues = CreateValues['quotas'];

/** Writes one audit row as the request's user, or as the context's user for work outside a request. */
export async function audit(context: ProgramContext, entry: AuditEntry): Promise<void> {
  await recordAudit(context.db, context.request, entry, context.request ? undefined : context.user);
}

export async function requireProgram(db: Kysely<DB>, id: string): Promise<ProgramRow> {
  const row = await findProgram(db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** The program as the API shows it to the context's user. */
export async function programView(context: ProgramContext, row: ProgramRow): Promise<Program> {
  const { rule, priority } = storedRule(row);
  return toProgram(row, {
    quotas: await programQuotas(context.db, row.id),
    enrolments: await enrolmentCounts(context.db, row.id),
    phrases: await phraseOptionsFor(context.db, ruleConditions(rule, priority)),
    canManage: mayManageProgram(context.user, row) && row.status !== 'closed',
  });
}

export async function getProgram(context: ProgramContext, id: string): Promise<Program> {
  return programView(context, await requireProgram(context.db, id));
}

export async function searchPrograms(context: ProgramContext, query: ProgramListQuery): Promise<Page<ProgramListItem>> {
  const { rows, total } = await listPrograms(context.db, query);
  return { items: rows.map(toListItem), total, page: query.page, pageSize: query.pageSize };
}

/** Rule and priority checked against the catalogue, the program kinds and the programs that exist (400 invalid_rule). */
async function checkedRule(context: ProgramContext, rule: unknown, priority: unknown): Promise<{ rule: EligibilityRule | null; priority: PriorityOrder | null }> {
  const options = { jurisdiction: context.config.jurisdiction, programKinds: PROGRAM_KINDS, programIds: await programIds(context.db) };
  return {
    rule: rule === null || rule === undefined ? null : await checkRule(context.db, rule, options),
    priority: priority === null || priority === undefined ? null : await checkPriority(context.db, priority, options),
  };
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', {}, [{ path, message }]);
}

/** Quotas are per kecamatan of the jurisdiction, once each, and inside the program's regions when it has any. */
async function checkQuotas(context: ProgramContext, quotas: QuotaValues, regionCodes: readonly string[]): Promise<void> {
  const seen = new Set<string>();
  for (const [index, quota] of quotas.entries()) {
    const path = `/quotas/${index}/kecamatanCode`;
    if (regionLevel(quota.kecamatanCode) !== 3) throw invalid(path, `${quota.kecamatanCode}: kode kecamatan / kecamatan code expected`);
    if (seen.has(quota.kecamatanCode)) throw invalid(path, `${quota.kecamatanCode}: kuota ganda / duplicate quota`);
    seen.add(quota.kecamatanCode);
    if (regionCodes.length > 0 && !leadsToScope(regionCodes, quota.kecamatanCode)) {
      throw invalid(path, `${quota.kecamatanCode}: di luar wilayah program / outside the program's regions`);
    }
  }
  await normalizeScopeCodes(context.db, [...seen], context.config.jurisdiction);
}

/** The program's regions: kecamatan or villages of the jurisdiction that exist, sorted and once each. */
async function checkedRegions(context: ProgramContext, codes: readonly string[]): Promise<string[]> {
  codes.forEach((code, index) => {
    const level = regionLevel(code);
    if (level !== 3 && level !== 4) throw invalid(`/regionCodes/${index}`, `${code}: kode kecamatan atau desa / kecamatan or village code expected`);
  });
  return normalizeScopeCodes(context.db, codes, context.config.jurisdiction);
}

async function requireAgency(db: Kysely<DB>, id: string): Promise<{ id: string; short_name: string }> {
  const agency = await db.selectFrom('agency').select(['id', 'short_name']).where('id', '=', id).executeTakeFirst();
  if (!agency) throw new AppError('unknown_agency');
  return agency;
}

/** Creates a draft program; an operator creates them only for his own agency. */
export async function createProgram(context: ProgramContext, input: CreateValues): Promise<Program> {
  const { user } = context;
  const agency = await requireAgency(context.db, input.agencyId ?? user.agencyId);
  if (!mayManageProgram(user, { agency_id: agency.id })) throw new AppError('program_other_agency', { agency: agency.short_name });
  const regionCodes = await checkedRegions(context, input.regionCodes);
  await checkQuotas(context, input.quotas, regionCodes);
  const { rule, priority } = await checkedRule(context, input.rule, input.priority);
  const hasRule = rule !== null || priority !== null;
  const id = await context.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('program')
      .values({
        ...programColumns({ ...input, regionCodes }),
        agency_id: agency.id,
        rule: rule === null ? null : JSON.stringify(rule),
        priority: priority === null ? null : JSON.stringify(priority),
        rule_version: hasRule ? 1 : 0,
        created_by: user.id,
        updated_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceQuotas(trx, row.id, input.quotas);
    if (hasRule) await insertRuleVersion(trx, row.id, 1, rule, priority, user.id);
    return row.id;
  });
  await audit(context, { action: 'create', entity: 'program', entityId: id, details: { name: input.name, kind: input.kind, agency: agency.short_name } });
  return getProgram(context, id);
}

/** JSON with sorted keys: jsonb reorders keys, so stored and submitted rules are compared in this form. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function valuesOf(row: ProgramRow): ProgramValues {
  return {
    name: row.name, kind: row.kind, approach: row.approach, description: row.description, periodFrom: row.period_from, periodTo: row.period_to,
    fundingSource: row.funding_source, budget: row.budget, unitValue: row.unit_value, benefitItems: row.benefit_items as ProgramValues['benefitItems'],
    targetFamilies: row.target_families, targetPeople: row.target_people, targetUnits: row.target_units, targetMoney: row.target_money,
    regionCodes: row.region_codes, legalBasis: row.legal_basis,
  };
}

/**
 * Changes a program (the owner agency only, not once closed). `version` must be the one the editor loaded, else 409.
 * A changed rule or priority gets the next rule version; earlier versions stay readable.
 */
export async function updateProgram(context: ProgramContext, id: string, input: UpdateValues): Promise<Program> {
  const row = await requireProgram(context.db, id);
  requireManage(context.user, row);
  if (input.version !== row.version) throw new AppError('conflict');
  const { version: _version, quotas, rule: ruleInput, priority: priorityInput, ...fields } = input;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<ProgramValues>;
  const values: ProgramValues = { ...valuesOf(row), ...defined };
  if (values.periodFrom > values.periodTo) throw invalid('/periodTo', 'periode: tanggal mulai setelah tanggal selesai / period: start after end');
  if (defined.regionCodes) values.regionCodes = await checkedRegions(context, defined.regionCodes);
  if (quotas) await checkQuotas(context, quotas, values.regionCodes);
  else if (defined.regionCodes) await checkQuotas(context, (await programQuotas(context.db, id)).map((q) => ({ ...q })), values.regionCodes);
  const stored = storedRule(row);
  const next = await checkedRule(
    context,
    ruleInput === undefined ? stored.rule : ruleInput,
    priorityInput === undefined ? stored.priority : priorityInput,
  );
  if (row.status === 'active' && (next.rule === null || next.priority === null)) throw new AppError('program_rule_required');
  if (row.status === 'active' && !values.legalBasis) throw new AppError('program_legal_basis_required');
  const ruleChanged = canonicalJson(next.rule) !== canonicalJson(stored.rule) || canonicalJson(next.priority) !== canonicalJson(stored.priority);
  const ruleVersion = ruleChanged ? row.rule_version + 1 : row.rule_version;
  await context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('program')
      .set({
        ...programColumns(values),
        rule: next.rule === null ? null : JSON.stringify(next.rule),
        priority: next.priority === null ? null : JSON.stringify(next.priority),
        rule_version: ruleVersion,
        version: row.version + 1,
        updated_by: context.user.id,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('conflict');
    if (quotas) await replaceQuotas(trx, id, quotas);
    if (ruleChanged) await insertRuleVersion(trx, id, ruleVersion, next.rule, next.priority, context.user.id);
  });
  const changed = [...Object.keys(defined), ...(quotas ? ['quotas'] : []), ...(ruleChanged ? ['rule'] : [])];
  await audit(context, { action: 'update', entity: 'program', entityId: id, details: { changed, ruleVersion } });
  return getProgram(context, id);
}

/** Draft → active (needs a legal basis and a rule with a priority order) or → closed; active → closed. */
export async function changeProgramStatus(context: ProgramContext, id: string, to: ProgramStatus, version: number): Promise<Program> {
  const row = await requireProgram(context.db, id);
  if (!mayManageProgram(context.user, row)) throw new AppError('program_other_agency', { agency: row.agency_short_name });
  if (!PROGRAM_STATUS_TRANSITIONS[row.status].includes(to)) throw new AppError('program_status_invalid', { from: row.status, to });
  if (version !== row.version) throw new AppError('conflict');
  if (to === 'active') {
    if (!row.legal_basis) throw new AppError('program_legal_basis_required');
    if (row.rule === null || row.priority === null) throw new AppError('program_rule_required');
  }
  const now = new Date();
  const updated = await context.db
    .updateTable('program')
    .set({
      status: to, version: row.version + 1, updated_by: context.user.id, updated_at: now,
      ...(to === 'active' ? { activated_at: now } : { closed_at: now }),
    })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError('conflict');
  await audit(context, { action: 'update', entity: 'program', entityId: id, details: { status: { from: row.status, to } } });
  return getProgram(context, id);
}

export async function listRuleVersions(context: ProgramContext, id: string): Promise<ProgramRuleVersion[]> {
  await requireProgram(context.db, id);
  const rows = await ruleVersions(context.db, id);
  return rows.map((row) => ({
    version: row.version,
    rule: (row.rule as EligibilityRule | null) ?? null,
    priority: (row.priority as PriorityOrder | null) ?? null,
    createdBy: row.createdBy,
    createdAt: iso(row.created_at),
  }));
}
