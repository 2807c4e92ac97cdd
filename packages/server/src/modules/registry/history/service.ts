import {
  can, changeFieldLabel, maskFieldChanges, maskIdNumber, orderedFieldChanges, type ChangeValue, type DesilChange, type DesilHistory, type DesilLevel, type FamilyHistory,
  type FamilyHistoryQuery, type FieldChanges, type MembershipEntry, type RegistryChangeEntry,
} from '@sinergi/domain';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { reachableFamily } from '../edit/guards.ts';
import { UNMASK_DETAILS, type RegistryContext } from '../service.ts';
import { hideSpecificChanges } from '../specific-changes.ts';
import { countFamilyChanges, desilChanges, familyChangePage, familyMemberships, type ChangeRow } from './queries.ts';

const actorOf = (row: ChangeRow) => (row.user_id && row.username ? { id: row.user_id, username: row.username, fullName: row.full_name ?? row.username } : null);
const batchOf = (row: ChangeRow) => (row.batch_id ? { id: row.batch_id, fileName: row.file_name ?? '' } : null);

function toEntry(row: ChangeRow, unmasked: boolean): RegistryChangeEntry {
  const recorded = row.changes as FieldChanges;
  const changes = unmasked ? recorded : hideSpecificChanges(row.entity, maskFieldChanges(recorded));
  return {
    id: row.id,
    at: row.at.toISOString(),
    entity: row.entity,
    entityId: row.entity_id,
    memberName: row.member_name,
    source: row.source,
    batch: batchOf(row),
    actor: actorOf(row),
    changes: orderedFieldChanges(row.entity, changes).map(([field, [old, next]]) => ({ field, label: changeFieldLabel(row.entity, field), old, new: next })),
  };
}

/**
 * Who changed what in a family and its members, when, and from which import or edit; newest first, one page.
 * NIK, No KK, birth dates and specific personal data inside the changes stay masked unless the user deliberately unmasks (audited).
 */
export async function familyHistory(context: RegistryContext, familyId: string, query: FamilyHistoryQuery): Promise<FamilyHistory> {
  const { db, user, request } = context;
  if (query.unmask && !can(user.role, 'registry.unmask')) throw new AppError('forbidden');
  await reachableFamily(context, familyId);
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const [rows, total] = await Promise.all([
    familyChangePage(db, familyId, query.memberId, page),
    countFamilyChanges(db, familyId, query.memberId),
  ]);
  const details = { section: 'history', page: query.page, ...(query.unmask ? UNMASK_DETAILS : {}) };
  await recordAudit(db, request, { action: query.unmask ? 'unmask' : 'view', entity: 'family', entityId: familyId, details });
  return { items: rows.map((row) => toEntry(row, query.unmask)), total, page: query.page, pageSize: query.pageSize, unmasked: query.unmask };
}

const LEVEL_OF_FIELD: Record<string, DesilLevel> = { desilNational: 'national', desilProvince: 'province', desilRegency: 'regency' };

const desilValue = (value: ChangeValue | undefined): number | null => (typeof value === 'number' ? value : null);

/** The family's desil (national, provincial, regency) when first recorded, every change since with its source, and now. */
export async function familyDesilHistory(context: RegistryContext, familyId: string): Promise<DesilHistory> {
  const family = await reachableFamily(context, familyId);
  const rows = await desilChanges(context.db, familyId);
  const current = { national: family.desil_national, province: family.desil_province, regency: family.desil_regency };
  const initial = { ...current };
  const seen = new Set<DesilLevel>();
  const changes: DesilChange[] = [];
  for (const row of rows) {
    for (const [field, [from, to]] of orderedFieldChanges('family', row.changes as FieldChanges)) {
      const level = LEVEL_OF_FIELD[field];
      if (!level) continue;
      // The oldest change of a level tells what the level was before it: the value first recorded.
      if (!seen.has(level)) initial[level] = desilValue(from);
      seen.add(level);
      changes.push({ at: row.at.toISOString(), level, from: desilValue(from), to: desilValue(to), source: row.source, batch: batchOf(row), actor: actorOf(row) });
    }
  }
  await recordAudit(context.db, context.request, { action: 'view', entity: 'family', entityId: familyId, details: { section: 'desil_history' } });
  return { familyId, recordedSince: family.created_at.toISOString(), initial, current, changes };
}

/** Who belonged to the family card when, current and former members; NIK and No KK masked. */
export async function familyMembershipHistory(context: RegistryContext, familyId: string): Promise<MembershipEntry[]> {
  await reachableFamily(context, familyId);
  const rows = await familyMemberships(context.db, familyId);
  await recordAudit(context.db, context.request, { action: 'view', entity: 'family', entityId: familyId, details: { section: 'memberships' } });
  return rows.map((row) => ({
    id: row.id,
    memberId: row.member_id,
    memberName: row.name,
    nik: maskIdNumber(row.nik),
    relation: row.relation,
    startDate: row.start_date,
    endDate: row.end_date,
    endReason: row.end_reason,
    movedFrom: row.from_id && row.from_no_kk ? { id: row.from_id, noKk: maskIdNumber(row.from_no_kk) } : null,
    movedTo: row.to_id && row.to_no_kk ? { id: row.to_id, noKk: maskIdNumber(row.to_no_kk) } : null,
  }));
}
