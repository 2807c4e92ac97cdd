import { z } from 'zod';
import { FamilyEditable, MemberEditable } from './registry-edits.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PageQuery, Uuid } from './common.ts';

/** Data-subject rights under UU PDP 27/2022: access (a copy of everything held) and correction requests. */

export const PersonExportQuery = z.object({ format: z.enum(['json', 'pdf']).default('json') });
export type PersonExportQuery = z.infer<typeof PersonExportQuery>;

/** A 16-digit NIK, also when typed with spaces, dots or dashes between the digit groups. */
export const NikParam = z
  .string()
  .transform((value) => value.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\d{16}$/, 'NIK harus 16 digit / a NIK has 16 digits'));

// ---- Correction requests ----

export const CORRECTION_CHANNELS = ['in_person', 'letter', 'phone', 'online'] as const;
export const CorrectionChannel = z.enum(CORRECTION_CHANNELS);
export type CorrectionChannel = z.infer<typeof CorrectionChannel>;
export const CORRECTION_CHANNEL_LABELS: Record<CorrectionChannel, { id: string; en: string }> = {
  in_person: { id: 'Datang langsung', en: 'In person' },
  letter: { id: 'Surat', en: 'Letter' },
  phone: { id: 'Telepon', en: 'Phone' },
  online: { id: 'Daring (online)', en: 'Online' },
};

export const CORRECTION_STATUSES = ['received', 'in_review', 'accepted', 'rejected'] as const;
export const CorrectionStatus = z.enum(CORRECTION_STATUSES);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;
export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, { id: string; en: string }> = {
  received: { id: 'Diterima', en: 'Received' },
  in_review: { id: 'Sedang ditinjau', en: 'In review' },
  accepted: { id: 'Dikabulkan', en: 'Accepted' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
};

/** received → in_review → accepted | rejected; a decided request is final. */
const CORRECTION_TRANSITIONS: Record<CorrectionStatus, readonly CorrectionStatus[]> = {
  received: ['in_review'],
  in_review: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
};

export function mayMoveCorrection(from: CorrectionStatus, to: CorrectionStatus): boolean {
  return CORRECTION_TRANSITIONS[from].includes(to);
}

/** Member fields a data subject may ask to correct: what an operator may edit, validated the same way. */
export const MemberCorrection = MemberEditable.partial().strict();
export type MemberCorrection = z.infer<typeof MemberCorrection>;

/**
 * Household fields a data subject may ask to correct. Desil is BPS's ranking (disputed through the DTSEN update
 * process, not corrected here) and the data date is the registry's own.
 */
export const FamilyCorrection = FamilyEditable.omit({ desilNational: true, desilProvince: true, desilRegency: true, dataDate: true }).partial().strict();
export type FamilyCorrection = z.infer<typeof FamilyCorrection>;

const RequestText = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

export const CorrectionCreate = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('member'), entityId: Uuid, requestedChanges: MemberCorrection.default({}) }),
  z.object({ entity: z.literal('family'), entityId: Uuid, requestedChanges: FamilyCorrection.default({}) }),
]).and(
  z.object({
    reason: RequestText,
    channel: CorrectionChannel,
    requesterName: z.string().trim().min(1).max(MAX_NAME_LENGTH),
    requesterContact: z.string().trim().max(200).optional(),
  }),
);
export type CorrectionCreate = z.infer<typeof CorrectionCreate>;

export const CorrectionListQuery = PageQuery.extend({ status: CorrectionStatus.optional() });
export type CorrectionListQuery = z.infer<typeof CorrectionListQuery>;

export const CorrectionDecideBody = z.object({
  outcome: z.enum(['accepted', 'rejected']),
  note: RequestText,
});
export type CorrectionDecideBody = z.infer<typeof CorrectionDecideBody>;

export const CorrectionReviewBody = z.object({ note: z.string().trim().max(MAX_TEXT_LENGTH).optional() });

export const CORRECTION_APPLY_STATUSES = ['nothing_to_apply', 'applied', 'operator_must_apply'] as const;

const Actor = z.object({ id: Uuid, username: z.string(), fullName: z.string() }).nullable();

export const CorrectionRequest = z.object({
  id: Uuid,
  entity: z.enum(['member', 'family']),
  memberId: Uuid.nullable(),
  familyId: Uuid,
  /** The subject's name (member) or the family head's name, as the registry holds it now. */
  subjectName: z.string().nullable(),
  subjectNik: z.string().nullable(),
  villageCode: z.string(),
  requestedChanges: z.record(z.string(), z.unknown()),
  reason: z.string(),
  channel: CorrectionChannel,
  requesterName: z.string(),
  requesterContact: z.string().nullable(),
  status: CorrectionStatus,
  outcomeNote: z.string().nullable(),
  /** For an accepted request: applied through the registry edit path, or left for an operator to apply. */
  applyStatus: z.enum(CORRECTION_APPLY_STATUSES).nullable(),
  appliedChanges: z.record(z.string(), z.unknown()).nullable(),
  createdBy: Actor,
  createdAt: z.string(),
  reviewedBy: Actor,
  reviewedAt: z.string().nullable(),
  decidedBy: Actor,
  decidedAt: z.string().nullable(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

// ---- Access request: everything held on one person ----

const Who = z.object({ username: z.string().nullable(), fullName: z.string().nullable() });

export const PersonDataExport = z.object({
  format: z.literal('sinergi.person-data/1'),
  generatedAt: z.string(),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  officer: z.object({ username: z.string(), fullName: z.string(), agency: z.string().nullable() }),
  /** The NIK asked for; `person.nik` differs when that NIK was merged into another record. */
  requestedNik: z.string(),
  person: z.record(z.string(), z.unknown()).nullable(),
  family: z.record(z.string(), z.unknown()).nullable(),
  /** Other members of the family card: name and relation only (their own data is theirs to request). */
  familyMembers: z.array(z.object({ name: z.string(), relation: z.number().int().nullable() })),
  memberships: z.array(
    z.object({ familyId: Uuid, noKk: z.string(), villageCode: z.string(), relation: z.number().int().nullable(), startDate: z.string(), endDate: z.string().nullable() }),
  ),
  /** Records of this person merged into the kept one, with their data as it was. */
  mergedRecords: z.array(z.object({ memberId: Uuid, nik: z.string(), mergedAt: z.string().nullable(), mergedBy: Who })),
  changes: z.array(
    z.object({
      at: z.string(),
      entity: z.enum(['family', 'member']),
      entityId: Uuid,
      source: z.enum(['import', 'edit', 'merge']),
      changes: z.record(z.string(), z.unknown()),
      importFile: z.string().nullable(),
      by: Who,
    }),
  ),
  importRows: z.array(
    z.object({
      batchId: Uuid,
      fileName: z.string(),
      importedAt: z.string(),
      sheet: z.string(),
      rowNumber: z.number().int(),
      outcome: z.string(),
      issues: z.unknown(),
      raw: z.unknown(),
    }),
  ),
  /** Who viewed, exported or changed this person's or their family's records, from the audit trail. */
  accessLog: z.array(z.object({ at: z.string(), action: z.string(), entity: z.string(), entityId: z.string().nullable(), by: Who })),
  duplicateDecisions: z.array(
    z.object({
      id: Uuid,
      otherName: z.string().nullable(),
      status: z.string(),
      score: z.number(),
      foundAt: z.string(),
      decidedAt: z.string().nullable(),
      decidedBy: Who,
      note: z.string().nullable(),
    }),
  ),
  correctionRequests: z.array(CorrectionRequest),
  /** Data other modules (programs, referrals, visits) hold on the person, one section each. */
  otherSections: z.array(z.object({ key: z.string(), title: z.object({ id: z.string(), en: z.string() }), items: z.array(z.record(z.string(), z.unknown())) })),
});
export type PersonDataExport = z.infer<typeof PersonDataExport>;
