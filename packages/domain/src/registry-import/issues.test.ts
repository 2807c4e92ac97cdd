import { describe, expect, it } from 'vitest';
import { ID_NUMBER_REASONS, ISSUE_MESSAGES, makeIssue, rowHasError } from './issues.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('issue catalogue', () => {
  it('has the same placeholders in Bahasa Indonesia and English for every code', () => {
    for (const [code, message] of Object.entries(ISSUE_MESSAGES)) {
      expect(placeholders(message.en), code).toEqual(placeholders(message.id));
      expect(message.id, code).not.toBe(message.en);
    }
  });

  it('names the column and the value in every message about a cell', () => {
    const rowLevel = new Set(['blank_row', 'column_not_mapped', 'required_missing', 'village_code_incomplete']);
    for (const [code, message] of Object.entries(ISSUE_MESSAGES)) {
      if (rowLevel.has(code)) continue;
      expect(placeholders(message.id), code).toEqual(expect.arrayContaining(['column', 'value']));
    }
  });

  it('fills plain and per-language parameters, and says when a value was dropped', () => {
    const issue = makeIssue({
      field: 'nik', code: 'nik_invalid', severity: 'warning', value: '3507137508750002', valueDropped: true,
      params: { column: 'NIK', reason: ID_NUMBER_REASONS.nik_serial },
    });
    expect(issue).toEqual({
      field: 'nik', code: 'nik_invalid', severity: 'warning', value: '3507137508750002',
      message: {
        id: 'Kolom NIK: NIK "3507137508750002" tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000. Nilai dikosongkan.',
        en: 'Column NIK: NIK "3507137508750002" is not valid: the serial (last 4 digits) must not be 0000. The value was left empty.',
      },
    });
    expect(rowHasError([issue])).toBe(false);
    expect(rowHasError([issue, makeIssue({ field: 'row', code: 'blank_row', severity: 'error' })])).toBe(true);
  });
});
