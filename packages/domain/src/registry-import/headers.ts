import { missingRequiredFields } from './fields.ts';
import type { ColumnMapping, FamilyField, ImportTemplate, MemberField } from './types.ts';

/**
 * The comparable form of a header: no case, accents, spaces, underscores, dots or other punctuation,
 * and no unit in brackets, so `Nomor Kartu Keluarga`, `nomor_kartu_keluarga` and `NOMOR.KARTU.KELUARGA` meet.
 */
export function normalizeHeader(header: string): string {
  const plain = header.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const withoutUnits = plain.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/[^a-z0-9]+/g, '');
  return withoutUnits || plain.replace(/[^a-z0-9]+/g, '');
}

export interface TemplateMatch {
  template: ImportTemplate;
  mapping: ColumnMapping;
  /** Headers of the file no field points at: shown to the user, ignored by the import. */
  unmappedHeaders: string[];
  /** Required fields (`family.noKk`, `member.nik`, …) the mapping lacks. */
  missingRequired: string[];
  matchedHeaders: number;
}

export interface MappingSuggestion extends Omit<TemplateMatch, 'template'> {
  /** Null when no template recognises a single header. */
  template: ImportTemplate | null;
}

type AliasTable<F extends string> = Partial<Record<F, string[]>>;

function mapFields<F extends string>(
  aliases: AliasTable<F>,
  headerByKey: ReadonlyMap<string, string>,
  used: Set<string>,
  shareable: ReadonlySet<string>,
): Partial<Record<F, string>> {
  const mapped: Partial<Record<F, string>> = {};
  for (const [field, names] of Object.entries(aliases) as [F, string[] | undefined][]) {
    for (const alias of names ?? []) {
      const header = headerByKey.get(normalizeHeader(alias));
      if (header === undefined || (used.has(header) && !shareable.has(header))) continue;
      mapped[field] = header;
      used.add(header);
      break;
    }
  }
  return mapped;
}

/** Maps a file's headers with one template; the first alias listed for a field wins, each header serves one field. */
export function matchTemplate(headers: readonly string[], template: ImportTemplate): TemplateMatch {
  const headerByKey = new Map<string, string>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    // With two headers that normalise alike, the first one in the file is used.
    if (key && !headerByKey.has(key)) headerByKey.set(key, header);
  }
  const used = new Set<string>();
  // The No KK column links a member to its family, so one header may serve both sides.
  const noKkHeaders = new Set<string>();
  for (const alias of [...(template.familyAliases.noKk ?? []), ...(template.memberAliases.noKk ?? [])]) {
    const header = headerByKey.get(normalizeHeader(alias));
    if (header !== undefined) noKkHeaders.add(header);
  }
  const kind = template.sheetKind;
  // Member columns go first on a combined sheet: DTSEN's business and work columns describe a person.
  const member = kind === 'family' ? {} : mapFields<MemberField>(template.memberAliases, headerByKey, used, noKkHeaders);
  const family = kind === 'member' ? {} : mapFields<FamilyField>(template.familyAliases, headerByKey, used, noKkHeaders);
  const mapping: ColumnMapping = { sheetKind: kind, family, member };
  return {
    template,
    mapping,
    unmappedHeaders: headers.filter((header) => !used.has(header)),
    missingRequired: missingRequiredFields(mapping),
    matchedHeaders: used.size,
  };
}

function betterThan(a: TemplateMatch, b: TemplateMatch): boolean {
  const complete = (m: TemplateMatch) => (m.missingRequired.length === 0 ? 1 : 0);
  if (complete(a) !== complete(b)) return complete(a) > complete(b);
  if (a.matchedHeaders !== b.matchedHeaders) return a.matchedHeaders > b.matchedHeaders;
  if (a.missingRequired.length !== b.missingRequired.length) return a.missingRequired.length < b.missingRequired.length;
  // On a tie the operator's own saved template beats a shipped one.
  return !a.template.builtin && b.template.builtin;
}

/**
 * Picks the template that fits a file best: one with every required field first, then the one that
 * recognises most headers, then the operator's saved templates before the shipped ones.
 */
export function suggestMapping(headers: readonly string[], templates: readonly ImportTemplate[]): MappingSuggestion {
  let best: TemplateMatch | null = null;
  for (const template of templates) {
    const match = matchTemplate(headers, template);
    if (match.matchedHeaders > 0 && (best === null || betterThan(match, best))) best = match;
  }
  if (best) return best;
  const mapping: ColumnMapping = { sheetKind: 'combined', family: {}, member: {} };
  return { template: null, mapping, unmappedHeaders: [...headers], missingRequired: missingRequiredFields(mapping), matchedHeaders: 0 };
}

export interface TemplateIdentity {
  id: string;
  name: { id: string; en: string };
  description?: { id: string; en: string };
}

/** Turns a mapping the operator confirmed into a template, so next quarter's file with the same headers maps itself. */
export function templateFromMapping(mapping: ColumnMapping, identity: TemplateIdentity): ImportTemplate {
  const asAliases = <F extends string>(fields: Partial<Record<F, string>>): AliasTable<F> => {
    const table: AliasTable<F> = {};
    for (const [field, header] of Object.entries(fields) as [F, string | undefined][]) if (header) table[field] = [header];
    return table;
  };
  return {
    id: identity.id,
    name: identity.name,
    description: identity.description ?? { id: '', en: '' },
    sheetKind: mapping.sheetKind,
    builtin: false,
    familyAliases: asAliases(mapping.family),
    memberAliases: asAliases(mapping.member),
  };
}
