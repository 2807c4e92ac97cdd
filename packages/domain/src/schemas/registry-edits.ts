import { z } from 'zod';
import { ERROR_MESSAGES } from '../errors.ts';
import { parseKk } from '../kk.ts';
import { isRealDate, localIsoDate, parseNik } from '../nik.ts';
import { codesOf, type CodeList } from '../reference/code-list.ts';
import { DISABILITY_ITEMS } from '../reference/disability.ts';
import { ASSETS, BUSINESS_SECTORS } from '../reference/economy.ts';
import {
  COOKING_FUELS, FLOOR_TYPES, HOUSE_OWNERSHIP, LIGHTING_SOURCES, ROOF_TYPES, TOILET_FACILITIES, WALL_TYPES, WATER_SOURCES,
} from '../reference/house.ts';
import {
  CHRONIC_ILLNESSES, EDUCATION_LEVELS, MARITAL_STATUSES, RELATIONS, SCHOOLING, WORK_SECTORS, WORK_STATUSES,
} from '../reference/people.ts';
import { PPKS_CATEGORIES } from '../reference/ppks.ts';
import { SPECIAL_STATUSES } from '../reference/status.ts';
import { MEMBER_END_REASONS, MEMBER_STATUS_CODES } from '../registry-edit/membership.ts';
import { MAX_NAME_LENGTH, Uuid } from './common.ts';
import { BusinessStatus, FamilyDetail, Member } from './families.ts';
import { LocalizedText } from './imports.ts';

/** Limits shared by the edit forms and the server. */
export const MAX_ADDRESS_LENGTH = 500;
export const MAX_DUSUN_LENGTH = 100;
export const MAX_FLOOR_AREA_M2 = 99_999;
export const MAX_POWER_VA = 200_000;
export const MAX_TURNOVER = 1_000_000_000_000;
/** Data older than this is a typing error, not history. */
export const MIN_DATE = '1900-01-01';

const bilingual = (message: { id: string; en: string }) => `${message.id} / ${message.en}`;

const Nik = z.string().superRefine((value, ctx) => {
  const parsed = parseNik(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: bilingual(ERROR_MESSAGES[parsed.error]) });
});

const NoKk = z.string().superRefine((value, ctx) => {
  const parsed = parseKk(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: bilingual(ERROR_MESSAGES[parsed.error]) });
});

/** A real calendar date from 1900 up to today. */
export const PastDate = z.iso.date().refine((value) => {
  const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
  return isRealDate(year, month, day) && value >= MIN_DATE && value <= localIsoDate(new Date());
}, bilingual({ id: 'Tanggal harus tanggal nyata antara 1900 dan hari ini', en: 'The date must be a real date between 1900 and today' }));

/** A full village code (desa/kelurahan): 35.07.13.2001. */
export const VillageCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, bilingual({ id: 'kode desa tidak valid', en: 'invalid village code' }));

const coded = (list: CodeList) => z.literal(codesOf(list)).nullable();
const textCoded = (list: CodeList<string>) => z.enum(codesOf(list) as [string, ...string[]]);
const codeSet = (list: CodeList<string>) =>
  z
    .array(textCoded(list))
    .max(list.length)
    .refine((codes) => new Set(codes).size === codes.length, bilingual({ id: 'kode ganda', en: 'duplicate code' }));
const text = (max: number) => z.string().trim().max(max).nullable();
const RtRw = z.string().trim().regex(/^\d{1,3}$/, bilingual({ id: 'RT/RW berupa 1–3 angka', en: 'RT/RW has 1–3 digits' })).nullable();
const Desil = z.number().int().min(1).max(10).nullable();

/** Everything an operator may change on a family; member count and head name follow the members. */
export const FamilyEditable = z.object({
  noKk: NoKk,
  villageCode: VillageCode,
  address: text(MAX_ADDRESS_LENGTH),
  rt: RtRw,
  rw: RtRw,
  dusun: text(MAX_DUSUN_LENGTH),
  desilNational: Desil,
  desilProvince: Desil,
  desilRegency: Desil,
  houseOwnership: coded(HOUSE_OWNERSHIP),
  floorType: coded(FLOOR_TYPES),
  wallType: coded(WALL_TYPES),
  roofType: coded(ROOF_TYPES),
  waterSource: coded(WATER_SOURCES),
  lighting: coded(LIGHTING_SOURCES),
  powerVa: z.number().int().min(0).max(MAX_POWER_VA).nullable(),
  cookingFuel: coded(COOKING_FUELS),
  toilet: coded(TOILET_FACILITIES),
  floorAreaM2: z.number().min(0).max(MAX_FLOOR_AREA_M2).multipleOf(0.1).nullable(),
  assets: codeSet(ASSETS),
  businessStatus: BusinessStatus,
  businessSector: textCoded(BUSINESS_SECTORS).nullable(),
  businessTurnover: z.number().int().min(0).max(MAX_TURNOVER).nullable(),
  dataDate: PastDate.nullable(),
});
export type FamilyEditable = z.infer<typeof FamilyEditable>;

/** Everything an operator may change on a member; the family card is changed by moving the member. */
export const MemberEditable = z.object({
  nik: Nik,
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  birthDate: PastDate.nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  relation: coded(RELATIONS),
  maritalStatus: coded(MARITAL_STATUSES),
  schooling: coded(SCHOOLING),
  education: coded(EDUCATION_LEVELS),
  workStatus: coded(WORK_STATUSES),
  workSector: textCoded(WORK_SECTORS).nullable(),
  disabilities: codeSet(DISABILITY_ITEMS),
  chronicIllness: textCoded(CHRONIC_ILLNESSES).nullable(),
  ppks: codeSet(PPKS_CATEGORIES),
  specialStatus: codeSet(SPECIAL_STATUSES),
});
export type MemberEditable = z.infer<typeof MemberEditable>;

const notEmpty = (changes: object) => Object.keys(changes).length > 0;
const NOTHING_TO_CHANGE = bilingual({ id: 'tidak ada perubahan yang dikirim', en: 'no changes were sent' });

/** The version the editor started from; a newer version on the server means someone else changed the record meanwhile. */
const Version = z.number().int().min(1);

export const FamilyEditBody = z.object({
  version: Version,
  changes: FamilyEditable.partial().strict().refine(notEmpty, NOTHING_TO_CHANGE),
});
export type FamilyEditBody = z.infer<typeof FamilyEditBody>;

export const MemberEditBody = z.object({
  version: Version,
  changes: MemberEditable.partial().strict().refine(notEmpty, NOTHING_TO_CHANGE),
});
export type MemberEditBody = z.infer<typeof MemberEditBody>;

/** A person added to a family card: NIK and name are required, the rest may follow later. */
export const MemberAddBody = z.object({
  member: MemberEditable.partial().required({ nik: true, name: true }).strict(),
  /** When the person joined the family (birth, marriage, moving in); default today. */
  startDate: PastDate.optional(),
});
export type MemberAddBody = z.infer<typeof MemberAddBody>;

export const MemberMoveBody = z.object({
  version: Version,
  familyId: Uuid,
  /** The relation to the new family's head; default: unchanged. */
  relation: z.literal(codesOf(RELATIONS)).optional(),
  /** When the move happened; default today. */
  date: PastDate.optional(),
});
export type MemberMoveBody = z.infer<typeof MemberMoveBody>;

export const MemberEndBody = z.object({
  version: Version,
  reason: z.enum(MEMBER_END_REASONS),
  /** Date of death or of leaving; default today. */
  date: PastDate.optional(),
});
export type MemberEndBody = z.infer<typeof MemberEndBody>;

/** Something saved but worth a second look, e.g. a NIK that disagrees with the birth date. */
export const EditWarning = z.object({ field: z.string(), code: z.string(), message: LocalizedText });
export type EditWarning = z.infer<typeof EditWarning>;

export const FamilyEditResult = z.object({
  family: FamilyDetail,
  /** The fields that actually changed (empty when the values sent were already recorded). */
  changedFields: z.array(z.string()),
  warnings: z.array(EditWarning),
});
export type FamilyEditResult = z.infer<typeof FamilyEditResult>;

export const MemberEditResult = z.object({
  member: Member,
  /** 'active' while the member belongs to the family; 'deceased' or 'left' after their membership ended. */
  status: z.enum(MEMBER_STATUS_CODES),
  familyId: Uuid,
  /** The family's version after the change (member count or head name may have followed). */
  familyVersion: z.number().int(),
  changedFields: z.array(z.string()),
  warnings: z.array(EditWarning),
});
export type MemberEditResult = z.infer<typeof MemberEditResult>;

/** `details` of a 409 conflict: the record as it is now (masked), so that the editor can show what changed. */
export const FamilyConflictDetails = z.object({ current: FamilyDetail });
export type FamilyConflictDetails = z.infer<typeof FamilyConflictDetails>;
export const MemberConflictDetails = z.object({ current: Member });
export type MemberConflictDetails = z.infer<typeof MemberConflictDetails>;
