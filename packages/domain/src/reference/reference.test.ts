import { describe, expect, it } from 'vitest';
import {
  AGENCY_KIND_NAMES, ASSETS, BUSINESS_SECTORS, BUSINESS_STATUS_LABELS, CHRONIC_ILLNESSES, CLOSET_TYPES, COOKING_FUELS, DISABILITY_ITEMS,
  EDUCATION_LEVELS, FLOOR_TYPES, HOUSE_OWNERSHIP, labelOf, LIGHTING_SOURCES, MARITAL_STATUSES, matchCode, PARTNER_TYPE_NAMES, POWER_CLASS_VA,
  POWER_CLASSES, powerClassOfVa, PPKS_CATEGORIES, RELATIONS, ROOF_TYPES, SCHOOLING, SEXES, SPECIAL_STATUSES, TOILET_FACILITIES, WALL_TYPES,
  WATER_SOURCES, WORK_SECTORS, WORK_STATUSES, type CodeList,
} from './index.ts';

const lists: Record<string, CodeList<string | number>> = {
  AGENCY_KIND_NAMES, ASSETS, BUSINESS_SECTORS, BUSINESS_STATUS_LABELS, CHRONIC_ILLNESSES, CLOSET_TYPES, COOKING_FUELS, DISABILITY_ITEMS,
  EDUCATION_LEVELS, FLOOR_TYPES, HOUSE_OWNERSHIP, LIGHTING_SOURCES, MARITAL_STATUSES, PARTNER_TYPE_NAMES, POWER_CLASSES, PPKS_CATEGORIES,
  RELATIONS, ROOF_TYPES, SCHOOLING, SEXES, SPECIAL_STATUSES, TOILET_FACILITIES, WALL_TYPES, WATER_SOURCES, WORK_SECTORS, WORK_STATUSES,
};

describe('reference code lists', () => {
  for (const [name, list] of Object.entries(lists)) {
    it(`${name} has unique codes and both labels`, () => {
    expect(new Set(list.map((item) => item.code)).size).toBe(list.length);
    for (const item of list) {
      expect(item.id.trim()).not.toBe('');
      expect(item.en.trim()).not.toBe('');
      if (typeof item.code === 'string') expect(item.code).toMatch(/^([a-z][a-z0-9_]*|L|P)$/);
    }
    });
  }

  it('holds the 26 PPKS categories and the 10 functional-difficulty items', () => {
    expect(PPKS_CATEGORIES).toHaveLength(26);
    expect(DISABILITY_ITEMS).toHaveLength(10);
  });

  it('keeps the DTSEN floor codes from marble (1) to earth (8)', () => {
    expect(labelOf(FLOOR_TYPES, 1, 'id')).toBe('Marmer/granit');
    expect(labelOf(FLOOR_TYPES, 8, 'en')).toBe('Earth');
    expect(labelOf(FLOOR_TYPES, 42, 'en')).toBeUndefined();
    expect(labelOf(FLOOR_TYPES, null, 'en')).toBeUndefined();
  });

  it('matches codes and labels the way real files carry them', () => {
    expect(matchCode(FLOOR_TYPES, 8)).toBe(8);
    expect(matchCode(FLOOR_TYPES, '8')).toBe(8);
    expect(matchCode(FLOOR_TYPES, '8.0')).toBe(8);
    expect(matchCode(FLOOR_TYPES, 'TANAH')).toBe(8);
    expect(matchCode(FLOOR_TYPES, ' marmer / granit ')).toBe(1);
    expect(matchCode(FLOOR_TYPES, 'earth')).toBe(8);
    expect(matchCode(FLOOR_TYPES, 'lava')).toBeUndefined();
    expect(matchCode(FLOOR_TYPES, '')).toBeUndefined();
    expect(matchCode(DISABILITY_ITEMS, 'Berjalan atau naik tangga')).toBe('berjalan_atau_naik_tangga');
    expect(matchCode(PPKS_CATEGORIES, 'fakir_miskin')).toBe('fakir_miskin');
  });

  it('maps installed power to its class and back', () => {
    for (const item of POWER_CLASSES) expect(powerClassOfVa(POWER_CLASS_VA[item.code] ?? 0)).toBe(item.code);
    expect(powerClassOfVa(5500)).toBe(5);
  });
});
