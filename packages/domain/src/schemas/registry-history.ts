import { z } from 'zod';
import { MEMBERSHIP_END_REASON_CODES } from '../registry-edit/membership.ts';
import { Page, PageQuery, Uuid } from './common.ts';
import { FamilyListQuery } from './families.ts';
import { LocalizedText } from './imports.ts';

export const CHANGE_SOURCES = ['import', 'edit', 'merge'] as const;
export const ChangeSource = z.enum(CHANGE_SOURCES);
export type ChangeSource = z.infer<typeof ChangeSource>;

/** A recorded value: text, number, yes/no, a list of codes, or empty. */
export const ChangeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const FieldChange = z.object({
  field: z.string(),
  label: LocalizedText,
  old: ChangeValueSchema,
  new: ChangeValueSchema,
});
export type FieldChange = z.infer<typeof FieldChange>;

export const ChangeActor = z.object({ id: Uuid, username: z.string(), fullName: z.string() });
export type ChangeActor = z.infer<typeof ChangeActor>;

/** The import a change came from: its batch and the uploaded file's name. */
export const ChangeBatch = z.object({ id: Uuid, fileName: z.string() });

/** One recorded change of a family or of one of its members: who, when, from which import or edit, what. */
export const RegistryChangeEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  entity: z.enum(['family', 'member']),
  entityId: Uuid,
  /** The member's current name when the change is about a member. */
  memberName: z.string().nullable(),
  source: ChangeSource,
  batch: ChangeBatch.nullable(),
  /** Null when no signed-in user made the change (e.g. an import run from the command line). */
  actor: ChangeActor.nullable(),
  changes: z.array(FieldChange),
});
export type RegistryChangeEntry = z.infer<typeof RegistryChangeEntry>;

export const FamilyHistoryQuery = PageQuery.extend({
  /** Only the changes of this member. */
  memberId: Uuid.optional(),
  /** Show NIK, No KK and birth dates in full: needs 'registry.unmask' and is recorded in the audit trail. */
  unmask: z.stringbool().default(false),
});
export type FamilyHistoryQuery = z.infer<typeof FamilyHistoryQuery>;

export const FamilyHistory = Page(RegistryChangeEntry).extend({ unmasked: z.boolean() });
export type FamilyHistory = z.infer<typeof FamilyHistory>;

export const DESIL_LEVELS = ['national', 'province', 'regency'] as const;
export const DesilLevel = z.enum(DESIL_LEVELS);
export type DesilLevel = z.infer<typeof DesilLevel>;

const DesilValues = z.object({ national: z.number().int().nullable(), province: z.number().int().nullable(), regency: z.number().int().nullable() });

export const DesilChange = z.object({
  at: z.string(),
  level: DesilLevel,
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  source: ChangeSource,
  batch: ChangeBatch.nullable(),
  actor: ChangeActor.nullable(),
});
export type DesilChange = z.infer<typeof DesilChange>;

/** A family's desil over time: the values when it was first recorded, every change since (oldest first), and now. */
export const DesilHistory = z.object({
  familyId: Uuid,
  recordedSince: z.string(),
  initial: DesilValues,
  current: DesilValues,
  changes: z.array(DesilChange),
});
export type DesilHistory = z.infer<typeof DesilHistory>;

const OtherFamily = z.object({ id: Uuid, noKk: z.string() });

/** Who belonged to the family card when: current and former members, oldest first. */
export const MembershipEntry = z.object({
  id: Uuid,
  memberId: Uuid,
  memberName: z.string(),
  nik: z.string(),
  relation: z.number().int().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.enum(MEMBERSHIP_END_REASON_CODES).nullable(),
  /** The family card the member came from, when they joined by moving. No KK masked. */
  movedFrom: OtherFamily.nullable(),
  /** The family card the member moved to, when they left by moving. No KK masked. */
  movedTo: OtherFamily.nullable(),
});
export type MembershipEntry = z.infer<typeof MembershipEntry>;

export const FamilyExportQuery = FamilyListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx']).default('xlsx'),
  /** Add a second sheet with the current members of the exported families. */
  includeMembers: z.stringbool().default(false),
  /** Full NIK, No KK and birth dates: needs 'registry.unmask'; the export's audit row records it. */
  unmask: z.stringbool().default(false),
});
export type FamilyExportQuery = z.infer<typeof FamilyExportQuery>;

/** An export larger than this is refused; installations may set their own limit (EXPORT_MAX_ROWS). */
export const DEFAULT_EXPORT_MAX_ROWS = 200_000;
