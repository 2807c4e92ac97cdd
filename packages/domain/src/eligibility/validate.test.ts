import { describe, expect, it } from 'vitest';
import type { Condition } from './ast.ts';
import { BUSINESS_PACKAGE_PRIORITY, BUSINESS_PACKAGE_RULE, GRADUATION_RULE, HOUSE_RENOVATION_PRIORITY, HOUSE_RENOVATION_RULE } from './examples.ts';
import { validatePriority, validateRule, type RuleValidationOptions } from './validate.ts';

const ruleOf = (condition: Condition | Record<string, unknown>) => ({ version: 1, condition });

/** The issues of a rule whose root is a group holding `condition` as its second condition. */
function issuesOf(condition: unknown, options: RuleValidationOptions = {}) {
  const result = validateRule(ruleOf({ kind: 'all', conditions: [{ kind: 'compare', field: 'desilNational', op: '<=', value: 5 }, condition] }), options);
  return result.issues;
}

describe('validateRule', () => {
  it('accepts the worked examples', () => {
    for (const rule of [BUSINESS_PACKAGE_RULE, HOUSE_RENOVATION_RULE, GRADUATION_RULE]) expect(validateRule(rule)).toEqual({ ok: true, value: rule, issues: [] });
  });

  it('names an unknown field, where it is and what is wrong, in both languages', () => {
    expect(issuesOf({ kind: 'compare', field: 'desil', op: '<=', value: 5 })).toEqual([{
      code: 'unknown_field',
      path: ['condition', 'conditions', 1, 'field'],
      location: { id: 'Aturan › syarat 2 › data', en: 'Rule › condition 2 › field' },
      message: { id: 'Data "desil" tidak dikenal.', en: 'Unknown field "desil".' },
    }]);
  });

  it('tells where a field belongs when it is used at the wrong level', () => {
    const [outside] = issuesOf({ kind: 'compare', field: 'age', op: '>=', value: 18 });
    expect(outside?.code).toBe('member_field_outside_member');
    expect(outside?.message.id).toContain('Umur adalah data anggota keluarga');
    const [inside] = issuesOf({ kind: 'anyMember', where: { kind: 'compare', field: 'desilNational', op: '<=', value: 5 } });
    expect(inside).toMatchObject({ code: 'family_field_inside_member', path: ['condition', 'conditions', 1, 'where', 'field'] });
    expect(inside?.location.id).toBe('Aturan › syarat 2 › ada anggota › data');
    const [nested] = issuesOf({ kind: 'head', where: { kind: 'anyMember', where: { kind: 'compare', field: 'age', op: '<', value: 5 } } });
    expect(nested?.code).toBe('nested_member_condition');
    const [program] = issuesOf({ kind: 'head', where: { kind: 'receivedProgram', period: 'ever' } });
    expect(program?.code).toBe('program_inside_member');
  });

  it('refuses an operator the field type does not support and lists the allowed ones', () => {
    const [issue] = issuesOf({ kind: 'compare', field: 'desilNational', op: 'contains', value: 5 });
    expect(issue?.code).toBe('operator_not_allowed');
    expect(issue?.message.en).toMatch(/^Operator "includes" cannot be used with National decile\. Choose from: equals, is not, less than, at most/);
    expect(issue?.path).toEqual(['condition', 'conditions', 1, 'op']);
  });

  it.each([
    [{ kind: 'compare', field: 'desilNational', op: '<=', value: 'lima' }, 'value_wrong_type', 'Nilai "lima" untuk Desil nasional harus berupa bilangan.'],
    [{ kind: 'compare', field: 'desilNational', op: '<=', value: 11 }, 'out_of_range', 'Nilai 11 untuk Desil nasional di luar batas 1–10.'],
    [{ kind: 'compare', field: 'floorAreaM2', op: '<', value: 7.25 }, 'too_many_decimals', 'Nilai 7.25 untuk Luas lantai paling banyak 1 angka di belakang koma.'],
    [{ kind: 'compare', field: 'floorType', op: '=', value: 42 }, 'unknown_code', 'Kode "42" tidak dikenal untuk Jenis lantai terluas.'],
    [{ kind: 'compare', field: 'floorType', op: '=', value: '8' }, 'value_wrong_type', 'Nilai "8" untuk Jenis lantai terluas harus berupa kode dari daftar.'],
    [{ kind: 'compare', field: 'kecamatanCode', op: 'in', value: ['3507'] }, 'invalid_region', 'Kode wilayah "3507" tidak valid untuk Kecamatan (contoh: 35.07.01).'],
    [{ kind: 'compare', field: 'dataDate', op: '>=', value: '2025-02-30' }, 'invalid_date', 'Tanggal "2025-02-30" tidak valid (format TTTT-BB-HH).'],
    [{ kind: 'compare', field: 'desilNational', op: 'between', value: [5, 1] }, 'between_reversed', 'Nilai terendah (5) lebih besar daripada nilai tertinggi (1).'],
    [{ kind: 'compare', field: 'desilNational', op: 'between', value: [1] }, 'value_not_pair', '"Antara" memerlukan dua nilai: terendah dan tertinggi.'],
    [{ kind: 'compare', field: 'desilNational', op: '<=' }, 'value_missing', 'Isi nilai untuk Desil nasional.'],
    [{ kind: 'compare', field: 'desilNational', op: '<=', value: [5] }, 'value_not_single', 'Isi satu nilai saja untuk Desil nasional.'],
    [{ kind: 'compare', field: 'desilNational', op: 'is empty', value: 5 }, 'value_not_expected', 'Operator "kosong" tidak memerlukan nilai; hapus nilainya.'],
    [{ kind: 'compare', field: 'villageCode', op: 'in', value: [] }, 'value_not_list', 'Pilih paling sedikit satu nilai untuk Desa/kelurahan.'],
    [{ kind: 'any', conditions: [] }, 'empty_group', 'Kelompok syarat ini kosong; tambahkan paling sedikit satu syarat.'],
    [{ kind: 'countMembers', op: '>=', value: -1 }, 'out_of_range', 'Nilai -1 untuk Jumlah anggota di luar batas 0–99.'],
    [{ kind: 'receivedProgram', programKinds: [], period: 'ever' }, 'empty_program_list', 'Daftar program kosong; hapus daftar itu bila yang dimaksud adalah program apa pun.'],
    [{ kind: 'receivedProgram', period: { from: '2026-12-31', to: '2026-01-01' } }, 'period_reversed', 'Periode: tanggal mulai (2026-12-31) sesudah tanggal akhir (2026-01-01).'],
  ])('reports %j as %s', (condition, code, message) => {
    const issues = issuesOf(condition);
    expect(issues.map((issue) => [issue.code, issue.message.id])).toEqual([[code, message]]);
  });

  it('checks region codes and program kinds against what the server knows', () => {
    const known = new Set(['35.07.01.2001']);
    const options = { regionExists: (code: string) => known.has(code), programKinds: ['business_package'] };
    expect(issuesOf({ kind: 'compare', field: 'villageCode', op: 'in', value: ['35.07.01.2001', '35.07.01.2999'] }, options))
      .toMatchObject([{ code: 'unknown_region', path: ['condition', 'conditions', 1, 'value', 1] }]);
    expect(issuesOf({ kind: 'receivedProgram', programKinds: ['bansos'], period: 'this_year' }, options))
      .toMatchObject([{ code: 'unknown_program_kind', message: { en: 'Unknown program kind "bansos".' } }]);
  });

  it('reports malformed JSON by location, with the list of condition types', () => {
    const result = validateRule(ruleOf({ kind: 'all', conditions: [{ kind: 'kurang', field: 'x' }] }));
    expect(result.ok).toBe(false);
    expect(result.issues).toMatchObject([{ code: 'invalid_shape', path: ['condition', 'conditions', 0, 'kind'] }]);
    expect(result.issues[0]?.message.id).toContain('jenis syarat "kurang" tidak dikenal (pilihan: all, any, not, compare');
    expect(result.issues[0]?.location.en).toBe('Rule › condition 1 › condition type');
    const wrongVersion = validateRule({ version: 2, condition: { kind: 'all', conditions: [] } });
    expect(wrongVersion.issues.map((issue) => issue.path)).toEqual([['version']]);
    expect(validateRule('desil <= 5').issues[0]?.message.id).toMatch(/^Bentuk aturan tidak sesuai: /);
  });

  it('refuses rules nested deeper than the limit', () => {
    let condition: Condition = { kind: 'compare', field: 'desilNational', op: '<=', value: 5 };
    for (let level = 0; level < 9; level += 1) condition = { kind: 'not', condition };
    expect(validateRule(ruleOf(condition)).issues.map((issue) => issue.code)).toEqual(['too_deep']);
  });

  it('fills every placeholder of every message in both languages', () => {
    const conditions: unknown[] = [
      { kind: 'compare', field: 'nope', op: '=', value: 1 },
      { kind: 'compare', field: 'floorType', op: 'between', value: [1, 2] },
      { kind: 'compare', field: 'desilNational', op: '>', value: 0 },
      { kind: 'compare', field: 'assets', op: 'contains', value: 'kapal_pesiar' },
    ];
    for (const issue of conditions.flatMap((condition) => issuesOf(condition))) {
      expect(`${issue.message.id} ${issue.message.en} ${issue.location.id} ${issue.location.en}`).not.toMatch(/[{}]/);
    }
  });
});

describe('validatePriority', () => {
  it('accepts the worked examples', () => {
    expect(validatePriority(BUSINESS_PACKAGE_PRIORITY).ok).toBe(true);
    expect(validatePriority(HOUSE_RENOVATION_PRIORITY).ok).toBe(true);
  });

  it('accepts only numeric family fields with a priority range, and validates condition keys as rules', () => {
    const result = validatePriority({
      keys: [
        { kind: 'field', field: 'businessTurnover', direction: 'asc' },
        { kind: 'condition', direction: 'desc', condition: { kind: 'compare', field: 'sex', op: '=', value: 'P' } },
      ],
    });
    expect(result.issues.map((issue) => [issue.code, issue.location.id])).toEqual([
      ['not_a_priority_field', 'Urutan prioritas › prioritas 1 › data'],
      ['member_field_outside_member', 'Urutan prioritas › prioritas 2 › data'],
    ]);
    expect(result.issues[0]?.message.id).toContain('Pilihan: Desil nasional, Desil provinsi, Desil kabupaten/kota, Jumlah anggota keluarga, Luas lantai per orang');
  });
});
