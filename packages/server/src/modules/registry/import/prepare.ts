import crypto from 'node:crypto';
import { rowHasError, inScope, type ColumnMapping, type FamilyRecord, type MemberRecord, type NormalizeContext, type RawRow, type RawValue, type RowIssue } from '@sinergi/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { displayRow } from './batch-state.ts';
import { engineIssue } from './engine-issues.ts';
import { normalizeRow } from './normalize.ts';
import { earlierRowsWithKeys, familiesByNoKk, familyNoKksById, membersByNik, type EarlierRow, type RegisteredFamily } from './queries.ts';
import type { SourceRow } from './read-types.ts';

/** What one row contributes for one entity: the key it is recorded under and whether it goes into the merge. */
export interface EntityPlan {
  key: string | null;
  noKk: string | null;
  issues: RowIssue[];
  rejected: boolean;
}

export interface PlannedRow {
  rowNumber: number;
  /** Kept only when something was rejected, for the report. */
  raw: Record<string, unknown> | null;
  /** Absent on a combined row whose family an earlier row already carried. */
  family?: EntityPlan;
  member?: EntityPlan;
}

/**
 * A record of the chunk that passed the checks, with its row's number and warnings (recorded with its outcome), and
 * what the checks learnt of the registry: whether the key was new then, the family id of a member. A new family, and a
 * new member of a known family, is `direct`: it is written by COPY with an id of its own, as a raw load would; any other
 * record goes through staging and the set-based merge. A key another import added meanwhile makes the COPY fail on the
 * unique index: the chunk is then written again through the merge (commit.ts), which updates it, never duplicates it.
 */
export interface Staged<R> {
  record: R;
  rowNumber: number;
  issues: RowIssue[];
  isNew: boolean;
  /** New families and direct members: the id they are created with. */
  id: string | null;
  /** Members: the family's id when known (registered, or created by this chunk). */
  familyId: string | null;
  direct: boolean;
}

export interface ChunkPlan {
  sheet: string;
  rows: PlannedRow[];
  families: Staged<FamilyRecord>[];
  members: Staged<MemberRecord>[];
}

/** The checks' view of the registry and of the rows already imported from this file. */
export interface Lookups {
  earlierRows(entity: 'family' | 'member', keys: string[]): Promise<Map<string, EarlierRow>>;
  /** Null when families may still come from elsewhere in the file (the preview): existence is then not checked. */
  families(noKks: string[]): Promise<Map<string, RegisteredFamily> | null>;
  /** The current family id of each NIK already in the registry. */
  members(niks: string[]): Promise<Map<string, string>>;
  familyNoKks(ids: string[]): Promise<Map<string, string>>;
}

export function batchLookups(db: Kysely<DB> | Transaction<DB>, batchId: string): Lookups {
  return {
    earlierRows: (entity, keys) => earlierRowsWithKeys(db, batchId, entity, keys),
    families: (noKks) => familiesByNoKk(db, noKks),
    members: (niks) => membersByNik(db, niks),
    familyNoKks: (ids) => familyNoKksById(db, ids),
  };
}

/** For the preview: nothing is imported yet, and the family sheet may not be either. */
export function previewLookups(db: Kysely<DB>, checkFamilies: boolean): Lookups {
  return {
    earlierRows: async () => new Map(),
    families: async (noKks) => (checkFamilies ? familiesByNoKk(db, noKks) : null),
    members: (niks) => membersByNik(db, niks),
    familyNoKks: (ids) => familyNoKksById(db, ids),
  };
}

export interface PrepareContext {
  lookups: Lookups;
  mapping: ColumnMapping;
  normalize: NormalizeContext;
  /** Village codes of the jurisdiction (the region list), held in memory for the run. */
  villages: ReadonlySet<string>;
  scopeCodes: readonly string[];
  headerCount: number;
}

/** One source row normalised, its parts collecting issues as the checks run. */
export interface Working {
  row: SourceRow;
  family?: { record: FamilyRecord | null; issues: RowIssue[]; key: string | null };
  member?: { record: MemberRecord | null; issues: RowIssue[]; key: string | null; noKk: string | null };
}

const text = (value: RawValue): string | null =>
  value === null || value === undefined || value === '' ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

function sourceKey(raw: RawRow, header: string | undefined): string | null {
  return header === undefined ? null : text(raw[header]);
}

const rejected = (part: { record: unknown; issues: RowIssue[] }) => part.record === null || rowHasError(part.issues);

function duplicateIssue(kind: 'nik' | 'kk', key: string, first: { sheet: string; rowNumber: number }): RowIssue {
  const code = kind === 'nik' ? 'duplicate_nik_in_file' : 'duplicate_kk_in_file';
  return engineIssue(code, kind === 'nik' ? 'nik' : 'noKk', { value: key, row: first.rowNumber, sheet: first.sheet });
}

/** Normalises a chunk and applies the checks that need the registry, the rest of the file or the operator's region. */
export async function prepareChunk(ctx: PrepareContext, sheet: string, rows: SourceRow[]): Promise<ChunkPlan> {
  return checkChunk(ctx, sheet, normalizeChunk(ctx, rows));
}

/** The domain's normalisation of each row: pure work, done while the previous chunk is being written. */
export function normalizeChunk(ctx: Pick<PrepareContext, 'mapping' | 'normalize' | 'headerCount'>, rows: SourceRow[]): Working[] {
  const { mapping } = ctx;
  return rows.map((row) => {
    const parts = normalizeRow(row.raw, mapping, ctx.normalize);
    const w: Working = { row };
    if (parts.family) {
      w.family = { record: parts.family.record, issues: [...parts.family.issues], key: parts.family.record?.noKk ?? sourceKey(row.raw, mapping.family.noKk) };
    }
    if (parts.member) {
      const record = parts.member.record;
      w.member = {
        record,
        issues: [...parts.member.issues],
        key: record?.nik ?? sourceKey(row.raw, mapping.member.nik),
        noKk: record?.noKk ?? sourceKey(row.raw, mapping.member.noKk ?? mapping.family.noKk),
      };
    }
    if (row.incomplete) {
      const issue = engineIssue('incomplete_row', '', { cells: row.cellCount, headers: ctx.headerCount });
      w.family?.issues.push(issue);
      w.member?.issues.push(issue);
    }
    return w;
  });
}

/** The checks that need the registry, the rows already imported from this file, or the operator's region. */
export async function checkChunk(ctx: PrepareContext, sheet: string, working: Working[]): Promise<ChunkPlan> {
  const families = await checkFamilies(ctx, sheet, working);
  const members = await checkMembers(ctx, sheet, working, families);
  return toPlan(sheet, working, families, members);
}

/** Region, scope and in-file duplicate checks of the family parts; returns the families that go into the merge. */
async function checkFamilies(ctx: PrepareContext, sheet: string, working: Working[]): Promise<StagedFamilies> {
  const combined = ctx.mapping.sheetKind === 'combined';
  const parts = working.filter((w) => w.family);
  const keys = [...new Set(parts.map((w) => w.family?.key).filter((k): k is string => k !== null && k !== undefined))];
  const [earlier, registered] = await Promise.all([ctx.lookups.earlierRows('family', keys), ctx.lookups.families(keys)]);
  const existing = registered ?? new Map<string, RegisteredFamily>();
  const staged = new Map<string, Working>();
  for (const w of parts) {
    const part = w.family!;
    const record = part.record;
    if (record && !rowHasError(part.issues)) {
      if (!ctx.villages.has(record.villageCode)) part.issues.push(engineIssue('unknown_village', 'villageCode', { value: record.villageCode }));
      else if (!inScope(ctx.scopeCodes, record.villageCode)) part.issues.push(engineIssue('out_of_scope', 'villageCode', { value: record.villageCode }));
      const current = existing.get(record.noKk);
      if (current && !inScope(ctx.scopeCodes, current.villageCode)) {
        part.issues.push(engineIssue('out_of_scope', 'noKk', { value: current.villageCode }));
      }
    }
    const key = part.key;
    const before: EarlierRow | { sheet: string; rowNumber: number } | undefined =
      key === null ? undefined : acceptedEarlier(earlier.get(key)) ?? (staged.has(key) ? { sheet, rowNumber: staged.get(key)!.row.rowNumber } : undefined);
    if (combined) {
      // Every member row repeats its family: the first acceptable one carries it, later ones add no family result.
      if (before) delete w.family;
      else if (!rejected(part) && key !== null) staged.set(key, w);
      continue;
    }
    if (before && key !== null) part.issues.push(duplicateIssue('kk', key, before));
    else if (!rejected(part) && key !== null) staged.set(key, w);
  }
  return { staged, registered: existing, known: registered !== null };
}

/** The families that go into the merge, by No KK, and what the registry held of them. */
interface StagedFamilies {
  staged: Map<string, Working>;
  registered: Map<string, RegisteredFamily>;
  /** False in the preview, which does not look the families up. */
  known: boolean;
}

function acceptedEarlier(row: EarlierRow | undefined): EarlierRow | undefined {
  return row && row.outcome !== 'rejected' ? row : undefined;
}

/** Family, scope, duplicate and move checks of the member parts; returns the registry facts the merge can reuse. */
async function checkMembers(ctx: PrepareContext, sheet: string, working: Working[], families: StagedFamilies): Promise<MemberFacts> {
  const parts = working.filter((w) => w.member);
  const facts: MemberFacts = { familyIds: new Map(), current: new Map(), known: false };
  if (parts.length === 0) return facts;
  const niks = [...new Set(parts.map((w) => w.member?.key).filter((k): k is string => !!k))];
  const noKks = [...new Set(parts.map((w) => w.member?.record?.noKk).filter((k): k is string => !!k))];
  const [earlier, registered, current] = await Promise.all([
    ctx.lookups.earlierRows('member', niks),
    ctx.lookups.families(noKks),
    ctx.lookups.members(niks),
  ]);
  const missing = registered === null ? [] : noKks.filter((noKk) => !registered.has(noKk) && !families.staged.has(noKk));
  const familyRows = missing.length ? await ctx.lookups.earlierRows('family', missing) : new Map<string, EarlierRow>();
  const movedFrom = await previousNoKks(ctx, parts, registered, current);
  const seen = new Map<string, number>();
  for (const w of parts) {
    const part = w.member!;
    const record = part.record;
    if (part.key !== null) {
      const first = acceptedEarlier(earlier.get(part.key)) ?? (seen.has(part.key) ? { sheet, rowNumber: seen.get(part.key)! } : undefined);
      if (first) part.issues.push(duplicateIssue('nik', part.key, first));
    }
    if (record && !rowHasError(part.issues)) {
      const stagedFamily = families.staged.get(record.noKk)?.family?.record;
      const village = stagedFamily?.villageCode ?? registered?.get(record.noKk)?.villageCode;
      if (village === undefined && registered !== null) {
        const ownFamilyRejected = w.family !== undefined && rejected(w.family);
        const familyRow = familyRows.get(record.noKk);
        if (ownFamilyRejected) part.issues.push(engineIssue('family_rejected', 'noKk', { value: record.noKk }));
        else if (familyRow) part.issues.push(engineIssue('family_rejected_in_file', 'noKk', { value: record.noKk, row: familyRow.rowNumber, sheet: familyRow.sheet }));
        else part.issues.push(engineIssue('family_not_found', 'noKk', { value: record.noKk }));
      } else if (village !== undefined && !inScope(ctx.scopeCodes, village)) {
        part.issues.push(engineIssue('out_of_scope', 'noKk', { value: village }));
      }
      const from = movedFrom.get(record.nik);
      if (from !== undefined && from !== record.noKk && !rowHasError(part.issues)) {
        part.issues.push(engineIssue('member_moved', 'noKk', { value: record.nik, from, to: record.noKk }));
      }
    }
    if (part.key !== null && !rejected(part) && !seen.has(part.key)) seen.set(part.key, w.row.rowNumber);
  }
  for (const [noKk, family] of registered ?? []) facts.familyIds.set(noKk, family.id);
  return { ...facts, current, known: true };
}

/** What the member checks learnt of the registry. */
interface MemberFacts {
  /** Registered families by No KK. */
  familyIds: Map<string, string>;
  /** NIKs already in the registry, with their current family id. */
  current: Map<string, string>;
  known: boolean;
}

/** For members registered in another family than their row names: the No KK of that family, for the move warning. */
async function previousNoKks(
  ctx: PrepareContext,
  parts: Working[],
  registered: Map<string, RegisteredFamily> | null,
  current: Map<string, string>,
): Promise<Map<string, string>> {
  const candidates = new Map<string, string>();
  for (const w of parts) {
    const record = w.member?.record;
    const familyId = record ? current.get(record.nik) : undefined;
    if (record && familyId !== undefined && familyId !== registered?.get(record.noKk)?.id) candidates.set(record.nik, familyId);
  }
  if (candidates.size === 0) return new Map();
  const noKks = await ctx.lookups.familyNoKks([...new Set(candidates.values())]);
  return new Map([...candidates].flatMap(([nik, id]) => (noKks.has(id) ? [[nik, noKks.get(id)!] as const] : [])));
}

function entityPlan(part: { record: unknown; issues: RowIssue[]; key: string | null }, noKk: string | null): EntityPlan {
  return { key: part.key, noKk, issues: part.issues, rejected: rejected(part) };
}

function toPlan(sheet: string, working: Working[], families: StagedFamilies, members: MemberFacts): ChunkPlan {
  const plan: ChunkPlan = { sheet, rows: [], families: [], members: [] };
  // Families first: a member of a family new in this very chunk (a combined sheet) knows its id too.
  const newFamilyIds = new Map<string, string>();
  for (const w of families.staged.values()) {
    const family = w.family!.record!;
    const isNew = families.known && !families.registered.has(family.noKk);
    const id = isNew ? crypto.randomUUID() : null;
    if (id) newFamilyIds.set(family.noKk, id);
    plan.families.push({ record: family, rowNumber: w.row.rowNumber, issues: w.family!.issues, isNew, id, familyId: null, direct: isNew });
  }
  for (const w of working) {
    const planned: PlannedRow = { rowNumber: w.row.rowNumber, raw: null };
    if (w.family) planned.family = entityPlan(w.family, w.family.key);
    if (w.member) planned.member = entityPlan(w.member, w.member.noKk);
    if (planned.family?.rejected || planned.member?.rejected) planned.raw = displayRow(w.row.raw);
    const member = w.member?.record;
    if (member && !planned.member?.rejected) {
      const isNew = members.known && !members.current.has(member.nik);
      const familyId = members.familyIds.get(member.noKk) ?? newFamilyIds.get(member.noKk) ?? null;
      const direct = isNew && familyId !== null;
      plan.members.push({ record: member, rowNumber: w.row.rowNumber, issues: w.member!.issues, isNew, id: direct ? crypto.randomUUID() : null, familyId, direct });
    }
    plan.rows.push(planned);
  }
  return plan;
}
