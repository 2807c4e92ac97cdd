import {
  matchTemplate,
  missingRequiredFields,
  type ColumnMappingInput,
  type FamilyField,
  type ImportBatch,
  type ImportMappingBody,
  type ImportSheet,
  type ImportTemplateItem,
  type MemberField,
  type SheetKind,
} from '@sinergi/domain';

export type Side = 'family' | 'member';

export interface FieldGroup {
  key: 'familyIdentity' | 'desil' | 'house' | 'business' | 'memberIdentity' | 'memberSocial' | 'difficulties';
  side: Side;
  fields: readonly (FamilyField | MemberField)[];
}

/** Our fields in the order an operator thinks of them; every FAMILY_FIELDS and MEMBER_FIELDS entry appears once. */
export const FIELD_GROUPS: readonly FieldGroup[] = [
  {
    key: 'familyIdentity',
    side: 'family',
    fields: ['noKk', 'villageCode', 'provinceCode', 'regencyCode', 'kecamatanCode', 'villageLocalCode', 'address', 'rt', 'rw', 'dusun', 'headName', 'memberCount', 'dataDate'],
  },
  { key: 'desil', side: 'family', fields: ['desilNational', 'desilProvince', 'desilRegency'] },
  {
    key: 'house',
    side: 'family',
    fields: ['houseOwnership', 'floorType', 'floorAreaM2', 'wallType', 'roofType', 'waterSource', 'lighting', 'powerVa', 'cookingFuel', 'toilet', 'assets'],
  },
  { key: 'business', side: 'family', fields: ['businessStatus', 'businessSector', 'businessTurnover'] },
  { key: 'memberIdentity', side: 'member', fields: ['nik', 'noKk', 'name', 'birthDate', 'sex', 'relation', 'maritalStatus'] },
  {
    key: 'memberSocial',
    side: 'member',
    fields: ['schooling', 'education', 'workStatus', 'workSector', 'businessOwner', 'businessTurnover', 'chronicIllness', 'ppks', 'specialStatus', 'pregnant'],
  },
  {
    key: 'difficulties',
    side: 'member',
    fields: ['disabilities', 'dis_penglihatan', 'dis_pendengaran', 'dis_berjalan', 'dis_tangan', 'dis_belajar', 'dis_perilaku', 'dis_bicara', 'dis_mengurus_diri', 'dis_mengingat', 'dis_depresi'],
  },
];

export function groupsFor(kind: SheetKind): FieldGroup[] {
  return FIELD_GROUPS.filter((group) => (group.side === 'family' ? kind !== 'member' : kind !== 'family'));
}

/** The required-field key (as missingRequiredFields names it) a field satisfies, if any. */
export function requirementOf(side: Side, field: string, kind: SheetKind): string | null {
  if (side === 'family') {
    if (field === 'noKk') return 'family.noKk';
    if (field === 'villageCode' || field === 'villageLocalCode') return 'family.villageCode';
    return null;
  }
  if (field === 'nik' || field === 'name') return `member.${field}`;
  // On a combined sheet the family's No KK column links the member too.
  if (field === 'noKk' && kind === 'member') return 'member.noKk';
  return null;
}

/** One sheet as the operator is shaping it: taken into the import or left out, with its mapping. */
export interface SheetDraft {
  included: boolean;
  templateId: string | null;
  mapping: ColumnMappingInput;
}

export function initialDraft(batch: ImportBatch, sheet: ImportSheet): SheetDraft {
  const confirmed = batch.status !== 'uploaded';
  return {
    // Once confirmed, a sheet without a mapping was deliberately left out.
    included: confirmed ? sheet.mapping !== null : true,
    templateId: confirmed ? batch.templateId ?? sheet.suggestion.templateId : sheet.suggestion.templateId,
    mapping: sheet.mapping ?? sheet.suggestion.mapping,
  };
}

/** The mapping a template gives this sheet's headers. */
export function applyTemplate(headers: readonly string[], template: ImportTemplateItem): SheetDraft {
  return { included: true, templateId: template.id, mapping: matchTemplate(headers, template).mapping };
}

/** Keeps only the sides a sheet of this kind has, so a changed kind sends no stray fields. */
export function withKind(mapping: ColumnMappingInput, kind: SheetKind): ColumnMappingInput {
  return {
    sheetKind: kind,
    family: kind === 'member' ? {} : mapping.family,
    member: kind === 'family' ? {} : mapping.member,
  };
}

export function setField(mapping: ColumnMappingInput, side: Side, field: string, header: string | null): ColumnMappingInput {
  const next = { ...mapping[side] } as Record<string, string>;
  if (header) next[field] = header;
  else delete next[field];
  return { ...mapping, [side]: next };
}

export function missingOf(draft: SheetDraft): string[] {
  return draft.included ? missingRequiredFields(draft.mapping) : [];
}

/** Headers of the file that no field points at: they are ignored by the import. */
export function unusedHeaders(headers: readonly string[], mapping: ColumnMappingInput): string[] {
  const used = new Set([...Object.values(mapping.family), ...Object.values(mapping.member)]);
  return headers.filter((header) => !used.has(header));
}

export function mappingBody(drafts: Record<string, SheetDraft>, saveAsTemplate: string | null): ImportMappingBody {
  const sheets: ImportMappingBody['sheets'] = {};
  for (const [name, draft] of Object.entries(drafts)) sheets[name] = draft.included ? withKind(draft.mapping, draft.mapping.sheetKind) : null;
  const templateId = Object.values(drafts).find((draft) => draft.included)?.templateId ?? null;
  return { sheets, templateId, ...(saveAsTemplate ? { saveAsTemplate } : {}) };
}
