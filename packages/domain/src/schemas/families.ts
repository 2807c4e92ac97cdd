import { z } from 'zod';
import { PageQuery, RegionCode, Uuid } from './common.ts';

export const BUSINESS_STATUSES = ['none', 'active', 'stalled'] as const;
export const BusinessStatus = z.enum(BUSINESS_STATUSES);

/** 'relevance' (best name match first) only applies to a name search. */
export const FamilySort = z.enum(['relevance', 'head_name', '-head_name', 'desil', '-desil', 'village', '-village', 'updated', '-updated']);
export type FamilySort = z.infer<typeof FamilySort>;

export const FamilyListQuery = PageQuery.extend({
  /** NIK, No KK (exact) or head/member name (typo-tolerant). */
  q: z.string().trim().max(100).optional(),
  region: RegionCode.optional(),
  desilMax: z.coerce.number().int().min(1).max(10).optional(),
  desilMin: z.coerce.number().int().min(1).max(10).optional(),
  businessStatus: BusinessStatus.optional(),
  /** Default: relevance for a name search, otherwise head_name. */
  sort: FamilySort.optional(),
});
export type FamilyListQuery = z.infer<typeof FamilyListQuery>;

export const FamilyListItem = z.object({
  id: Uuid,
  noKk: z.string(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  kecamatanName: z.string(),
  desil: z.number().int().nullable(),
  memberCount: z.number().int(),
  businessStatus: BusinessStatus,
});
export type FamilyListItem = z.infer<typeof FamilyListItem>;

export const FamilyDetailQuery = z.object({
  /** Show NIK, No KK, birth dates and specific personal data in full: needs 'registry.unmask' and is recorded in the audit trail. */
  unmask: z.stringbool().default(false),
});
export type FamilyDetailQuery = z.infer<typeof FamilyDetailQuery>;

export const Member = z.object({
  id: Uuid,
  nik: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  relation: z.number().int().nullable(),
  maritalStatus: z.number().int().nullable(),
  education: z.number().int().nullable(),
  workStatus: z.number().int().nullable(),
  /** Specific personal data (UU PDP): null while `specificDataHidden`. */
  disabilities: z.array(z.string()).nullable(),
  /** Specific personal data: null while `specificDataHidden` (also null when none is recorded). */
  chronicIllness: z.string().nullable(),
  /** While `specificDataHidden`, without the categories that reveal health or a criminal record (SPECIFIC_PPKS_CODES). */
  ppks: z.array(z.string()),
  /** Specific personal data: null while `specificDataHidden`. */
  specialStatus: z.array(z.string()).nullable(),
  /** True when specific personal data (disabilities, chronic illness, special status, sensitive PPKS) is hidden: every member of a masked view, whatever is recorded. */
  specificDataHidden: z.boolean().describe('Specific personal data (UU PDP 27/2022: health, criminal record) is hidden until an audited unmask; disabilities, chronicIllness and specialStatus are then null and ppks omits SPECIFIC_PPKS_CODES'),
  /** What an edit of this member sends back as `version` (optimistic concurrency). */
  version: z.number().int(),
});
export type Member = z.infer<typeof Member>;

export const FamilyDetail = FamilyListItem.extend({
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  dusun: z.string().nullable(),
  kecamatanCode: z.string(),
  desilNational: z.number().int().nullable(),
  desilProvince: z.number().int().nullable(),
  desilRegency: z.number().int().nullable(),
  house: z.object({
    ownership: z.number().int().nullable(),
    floorType: z.number().int().nullable(),
    wallType: z.number().int().nullable(),
    roofType: z.number().int().nullable(),
    waterSource: z.number().int().nullable(),
    lighting: z.number().int().nullable(),
    powerVa: z.number().int().nullable(),
    cookingFuel: z.number().int().nullable(),
    toilet: z.number().int().nullable(),
    floorAreaM2: z.number().nullable(),
  }),
  assets: z.array(z.string()),
  businessSector: z.string().nullable(),
  businessTurnover: z.number().nullable(),
  dataSource: z.string(),
  dataDate: z.string().nullable(),
  version: z.number().int(),
  /** True when NIK, No KK, birth dates and specific personal data are shown in full (after a deliberate, audited unmask). */
  unmasked: z.boolean(),
  members: z.array(Member),
});
export type FamilyDetail = z.infer<typeof FamilyDetail>;

export const DashboardQuery = z.object({
  /** The region to summarise: the jurisdiction (default) or, in a province installation, one of its regencies. */
  area: RegionCode.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const DashboardRegion = z.object({ code: z.string(), name: z.string() });

export const DashboardSummary = z.object({
  area: DashboardRegion.extend({ level: z.number().int() }),
  /** The regions above the area up to the jurisdiction, top first: the way back from a drill-down. */
  parents: z.array(DashboardRegion),
  families: z.number().int(),
  members: z.number().int(),
  poorFamilies: z.number().int(),
  byDesil: z.array(z.object({ desil: z.number().int().nullable(), families: z.number().int() })),
  /** Level of the rows of byArea: 2 = kabupaten/kota (under a province), 3 = kecamatan (under a regency). */
  byAreaLevel: z.number().int(),
  byArea: z.array(DashboardRegion.extend({ families: z.number().int(), poorFamilies: z.number().int() })),
  byBusinessStatus: z.array(z.object({ status: BusinessStatus, families: z.number().int() })),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;
