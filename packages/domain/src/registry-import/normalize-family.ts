import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../schemas/common.ts';
import { ASSET_MATCHER, BUSINESS_SECTOR_MATCHER, HOUSE_MATCHERS } from './code-matchers.ts';
import { FAMILY_FIELD_LABELS } from './fields.ts';
import { readNoKk } from './read-identity.ts';
import { RowReader, blankRowIssue, isBlankRow, rowHeaders } from './row-reader.ts';
import type { FieldRef } from './row-reader.ts';
import {
  parseBusinessStatus, parseCode, parseCodeList, parseDate, parseDesil, parseNumber, parsePowerVa, parseRtRw, parseText,
} from './values.ts';
import { readVillageCode } from './village-code.ts';
import type { ColumnMapping, FamilyField, FamilyRecord, NormalizeContext, NormalizedRow, RawRow } from './types.ts';

const MAX_DUSUN_LENGTH = 100;
const MAX_MEMBERS = 99;
// numeric(7,1) in the family table; a house above 10,000 m² is a typo, not a poor household.
const MAX_FLOOR_AREA_M2 = 10_000;
const MAX_TURNOVER = 1_000_000_000_000;

function familyFieldRef(mapping: ColumnMapping, field: FamilyField): FieldRef {
  return { field, header: mapping.family[field], label: FAMILY_FIELD_LABELS[field] };
}

/**
 * Reads the family side of a row. Severity policy: No KK and village are required (errors); desil outside 1–10
 * is an error, since a shifted column would otherwise rank families wrongly; every other field is optional and
 * an unreadable value is a warning that leaves the field empty.
 */
export function readFamily(reader: RowReader, mapping: ColumnMapping, ctx: NormalizeContext): FamilyRecord | null {
  const ref = (field: FamilyField) => familyFieldRef(mapping, field);
  const code = (field: keyof typeof HOUSE_MATCHERS) => reader.read(ref(field), (raw) => parseCode(HOUSE_MATCHERS[field], raw));
  const desil = (field: 'desilNational' | 'desilProvince' | 'desilRegency') => reader.read(ref(field), parseDesil, { onInvalid: 'error' });
  const record: FamilyRecord = {
    noKk: readNoKk(reader, ref('noKk'), ctx.today) ?? '',
    villageCode: readVillageCode(reader, mapping.family, ctx.jurisdiction) ?? '',
    address: reader.read(ref('address'), (raw) => parseText(raw, MAX_TEXT_LENGTH)),
    rt: reader.read(ref('rt'), parseRtRw),
    rw: reader.read(ref('rw'), parseRtRw),
    dusun: reader.read(ref('dusun'), (raw) => parseText(raw, MAX_DUSUN_LENGTH)),
    headName: reader.read(ref('headName'), (raw) => parseText(raw, MAX_NAME_LENGTH)),
    memberCount: reader.read(ref('memberCount'), (raw) => parseNumber(raw, { integer: true, min: 1, max: MAX_MEMBERS })),
    desilNational: desil('desilNational'),
    desilProvince: desil('desilProvince'),
    desilRegency: desil('desilRegency'),
    houseOwnership: code('houseOwnership'),
    floorType: code('floorType'),
    wallType: code('wallType'),
    roofType: code('roofType'),
    waterSource: code('waterSource'),
    lighting: code('lighting'),
    powerVa: reader.read(ref('powerVa'), parsePowerVa),
    cookingFuel: code('cookingFuel'),
    toilet: code('toilet'),
    floorAreaM2: roundToTenth(reader.read(ref('floorAreaM2'), (raw) => parseNumber(raw, { min: 1, max: MAX_FLOOR_AREA_M2 }))),
    assets: reader.read(ref('assets'), (raw) => parseCodeList(ASSET_MATCHER, raw)) ?? [],
    businessStatus: reader.read(ref('businessStatus'), parseBusinessStatus) ?? 'none',
    businessSector: reader.read(ref('businessSector'), (raw) => parseCode(BUSINESS_SECTOR_MATCHER, raw)),
    businessTurnover: reader.read(ref('businessTurnover'), (raw) => parseNumber(raw, { min: 0, max: MAX_TURNOVER })),
    dataDate: reader.read(ref('dataDate'), (raw) => parseDate(raw, { today: ctx.today })),
  };
  return reader.hasError() ? null : record;
}

function roundToTenth(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** Normalises one row of a family sheet; a row with every mapped cell empty is rejected as `blank_row`. */
export function normalizeFamilyRow(raw: RawRow, mapping: ColumnMapping, ctx: NormalizeContext): NormalizedRow<FamilyRecord> {
  if (isBlankRow(raw, rowHeaders(mapping, 'family'))) return { record: null, issues: [blankRowIssue()] };
  const reader = new RowReader(raw);
  const record = readFamily(reader, mapping, ctx);
  return { record, issues: reader.issues };
}
