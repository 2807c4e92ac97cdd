import type { DuplicateCandidate, PersonDataExport } from '@sinergi/domain';
import { AppError } from '../../http/errors.ts';
import { jurisdictionRegion } from '../regions/service.ts';
import { toCandidate } from '../registry/duplicates/present.ts';
import { listCandidates } from '../registry/duplicates/review-queries.ts';
import { assertFamilyInReach } from '../registry/edit/guards.ts';
import { memberFields } from '../registry/edit/records.ts';
import { toFamilyDetail } from '../registry/present.ts';
import { findFamily } from '../registry/queries.ts';
import type { RegistryContext } from '../registry/service.ts';
import { listCorrections, toCorrection } from './correction-queries.ts';
import { accessLog, changes, importRows, mergedRecords, memberships, otherMembers, resolveMember, type PersonKeys } from './person-queries.ts';
import { personDataSections } from './person-sections.ts';

/** No request or list is ever this long for one person; the bound keeps a malformed case from running away. */
const MAX_ITEMS = 5000;
const all = { limit: MAX_ITEMS, offset: 0 };

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => typeof v === 'string'))];
const who = (username: string | null, fullName: string | null) => ({ username, fullName });

function decisionOf(candidate: DuplicateCandidate, memberIds: string[]): PersonDataExport['duplicateDecisions'][number] {
  const mine = (id: string) => memberIds.includes(id);
  // The other person; in a merge into this person, the record that was merged away.
  const other = !mine(candidate.b.id) ? candidate.b : !mine(candidate.a.id) ? candidate.a : candidate.a.id === memberIds[0] ? candidate.b : candidate.a;
  return {
    id: candidate.id,
    otherName: other.name || null,
    status: candidate.status,
    score: candidate.score,
    foundAt: candidate.foundAt,
    decidedAt: candidate.decidedAt,
    decidedBy: who(candidate.decidedBy?.username ?? null, candidate.decidedBy?.fullName ?? null),
    note: candidate.note,
  };
}

async function officerOf(context: RegistryContext): Promise<PersonDataExport['officer']> {
  const agency = await context.db.selectFrom('agency').select('name').where('id', '=', context.user.agencyId).executeTakeFirst();
  return { username: context.user.username, fullName: context.user.fullName, agency: agency?.name ?? null };
}

/**
 * Everything the system holds on the person with this NIK (or the record it was merged into): the member, the
 * family, memberships, change history, import rows, who accessed them, duplicate decisions, correction requests and
 * what other modules registered. The person's family must be in the officer's scope; data held without a family
 * (e.g. only rejected import rows) is reachable by jurisdiction-wide officers only.
 */
export async function collectPersonData(context: RegistryContext, nik: string): Promise<PersonDataExport> {
  const { db, config, user } = context;
  const member = await resolveMember(db, nik);
  const family = member ? await findFamily(db, member.family_id) : undefined;
  if (family) assertFamilyInReach(config, user, family.village_code);
  const merged = member ? await mergedRecords(db, member.id) : [];
  const memberIds = unique([member?.id, ...merged.map((m) => m.removed_member_id)]);
  const membershipRows = await memberships(db, memberIds);
  const keys: PersonKeys = {
    memberIds,
    niks: unique([nik, member?.nik, ...merged.map((m) => m.removed_nik)]),
    familyIds: unique([member?.family_id, ...membershipRows.map((m) => m.family_id)]),
  };
  const [candidates, corrections, imports, history] = await Promise.all([
    memberIds.length ? listCandidates(db, { memberIds, scopeA: null, scopeB: null, villageScope: null, region: null }, all) : Promise.resolve([]),
    listCorrections(db, { scope: null, about: keys }, all),
    importRows(db, keys.niks),
    changes(db, keys),
  ]);
  const access = await accessLog(db, keys, corrections.map((c) => c.id), candidates.map((c) => c.id));
  if (!member && imports.length === 0 && corrections.length === 0 && access.length === 0) throw new AppError('not_found');
  if (!member && user.scopeCodes.length > 0) throw new AppError('out_of_scope');

  const jurisdiction = await jurisdictionRegion(db, config);
  const otherSections = await Promise.all(
    personDataSections().map(async (section) => ({ key: section.key, title: section.title, items: await section.collect(db, keys) })),
  );
  return {
    format: 'sinergi.person-data/1',
    generatedAt: new Date().toISOString(),
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    officer: await officerOf(context),
    requestedNik: nik,
    person: member
      ? { id: member.id, ...memberFields(member), status: member.status, familyId: member.family_id, version: member.version, createdAt: iso(member.created_at), updatedAt: iso(member.updated_at) }
      : null,
    // The family's other members are listed apart, by name and relation only.
    family: family ? Object.fromEntries(Object.entries(toFamilyDetail(family, [], true)).filter(([key]) => key !== 'members' && key !== 'unmasked')) : null,
    familyMembers: member ? await otherMembers(db, member.family_id, member.id) : [],
    memberships: membershipRows.map((m) => ({ familyId: m.family_id, noKk: m.no_kk, villageCode: m.village_code, relation: m.relation, startDate: m.start_date, endDate: m.end_date })),
    mergedRecords: merged.map((m) => ({ memberId: m.removed_member_id ?? '', nik: m.removed_nik ?? '', mergedAt: iso(m.decided_at), mergedBy: who(m.username, m.full_name) })),
    changes: history.map((h) => ({
      at: new Date(h.at).toISOString(),
      entity: h.entity,
      entityId: h.entity_id,
      source: h.source,
      changes: h.changes as Record<string, unknown>,
      importFile: h.file_name,
      by: who(h.username, h.full_name),
    })),
    importRows: imports.map((r) => ({
      batchId: r.batch_id,
      fileName: r.file_name,
      importedAt: new Date(r.created_at).toISOString(),
      sheet: r.sheet,
      rowNumber: r.row_number,
      outcome: r.outcome,
      issues: r.issues,
      raw: r.raw,
    })),
    accessLog: access.map((a) => ({ at: new Date(a.at).toISOString(), action: a.action, entity: a.entity, entityId: a.entity_id, by: who(a.username, a.full_name) })),
    duplicateDecisions: candidates.map((c) => decisionOf(toCandidate(c, true), memberIds)),
    correctionRequests: corrections.map(toCorrection),
    otherSections,
  };
}
