import type { FieldLabel } from './fields.ts';
import { makeIssue } from './issues.ts';
import type { IssueCode, IssueParams } from './issues.ts';
import { displayValue, isBlank } from './value-core.ts';
import type { Parsed } from './value-core.ts';
import type { ColumnMapping, IssueSeverity, RawRow, RawValue, RowIssue } from './types.ts';

/** One of our fields as a row reader sees it: its key, the file header mapped to it (if any) and its human name. */
export interface FieldRef {
  field: string;
  header: string | undefined;
  label: FieldLabel;
}

export interface ReadOptions {
  /** A required field that is unmapped, blank or unreadable rejects the row. */
  required?: boolean;
  /** What an unreadable optional value does: 'warning' keeps the row and leaves the field empty, 'error' rejects the row. */
  onInvalid?: IssueSeverity;
}

function mappedHeaders(side: Partial<Record<string, string>>): string[] {
  return Object.values(side).filter((header): header is string => typeof header === 'string' && header !== '');
}

type RowSide = 'family' | 'member' | 'both';
const headersByMapping = new WeakMap<ColumnMapping, Partial<Record<RowSide, string[]>>>();

/** The file headers whose cells decide whether a row is blank, worked out once per mapping. */
export function rowHeaders(mapping: ColumnMapping, side: RowSide): string[] {
  const known = headersByMapping.get(mapping) ?? {};
  const cached = known[side];
  if (cached) return cached;
  const family = mappedHeaders(mapping.family);
  // On a combined sheet a member without its own No KK column reads the family's.
  const member = mappedHeaders(mapping.member);
  if (mapping.sheetKind === 'combined' && !mapping.member.noKk && mapping.family.noKk) member.push(mapping.family.noKk);
  const headers = [...new Set(side === 'family' ? family : side === 'member' ? member : [...family, ...member])];
  headersByMapping.set(mapping, { ...known, [side]: headers });
  return headers;
}

/** A row is blank when every mapped cell is empty (a leftover row number in an unmapped "No" column does not count). */
export function isBlankRow(row: RawRow, headers: readonly string[]): boolean {
  const cells = headers.length > 0 ? headers.map((header) => row[header]) : Object.values(row);
  return cells.every(isBlank);
}

export function blankRowIssue(): RowIssue {
  return makeIssue({ field: 'row', code: 'blank_row', severity: 'error' });
}

/** Reads mapped cells of one row through value parsers and collects every problem as a bilingual issue. */
export class RowReader {
  readonly issues: RowIssue[] = [];

  constructor(private readonly row: RawRow) {}

  cell(header: string | undefined): RawValue {
    return header === undefined ? undefined : this.row[header];
  }

  report(ref: FieldRef, code: IssueCode, severity: IssueSeverity, params: IssueParams = {}, valueDropped = false): void {
    const raw = this.cell(ref.header);
    const value = ref.header === undefined || isBlank(raw) ? undefined : displayValue(raw);
    const column = ref.header ?? ref.label;
    this.issues.push(makeIssue({ field: ref.field, code, severity, params: { column, list: ref.label, ...params }, value, valueDropped }));
  }

  read<T>(ref: FieldRef, parse: (raw: RawValue) => Parsed<T>, options: ReadOptions = {}): T | null {
    const { required = false, onInvalid = 'warning' } = options;
    if (ref.header === undefined) {
      if (required) this.report(ref, 'column_not_mapped', 'error');
      return null;
    }
    const result = parse(this.cell(ref.header));
    if (!result.ok) {
      const severity = required ? 'error' : onInvalid;
      this.report(ref, result.problem.code, severity, result.problem.params, severity === 'warning');
      return null;
    }
    for (const warning of result.warnings ?? []) this.report(ref, warning.code, 'warning', warning.params);
    if (result.value === null && required) this.report(ref, 'required_missing', 'error');
    return result.value;
  }

  hasError(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }
}
