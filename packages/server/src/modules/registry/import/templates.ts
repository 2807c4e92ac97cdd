import { SHIPPED_TEMPLATES, templateFromMapping, type ColumnMapping, type ImportTemplate, type ImportTemplateItem } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';

export interface SavedTemplateRow {
  id: string;
  name: string;
  sheet_kind: 'family' | 'member' | 'combined';
  mapping: unknown;
  created_at: Date;
}

function fromRow(row: SavedTemplateRow): ImportTemplate & { createdAt: Date } {
  const template = templateFromMapping(row.mapping as ColumnMapping, {
    id: row.id,
    name: { id: row.name, en: row.name },
    description: { id: 'Pemetaan yang disimpan', en: 'Saved mapping' },
  });
  return { ...template, createdAt: row.created_at };
}

/** The agency's saved templates (newest first) followed by the shipped ones; suggestion and the wizard use the same list. */
export async function templatesFor(db: Kysely<DB>, agencyId: string | null): Promise<(ImportTemplate & { createdAt: Date | null })[]> {
  const saved = agencyId
    ? await db
        .selectFrom('import_template')
        .select(['id', 'name', 'sheet_kind', 'mapping', 'created_at'])
        .where('agency_id', '=', agencyId)
        .orderBy('created_at', 'desc')
        .execute()
    : [];
  return [...saved.map(fromRow), ...SHIPPED_TEMPLATES.map((t) => ({ ...t, createdAt: null }))];
}

export function templateItem(template: ImportTemplate & { createdAt: Date | null }): ImportTemplateItem {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    sheetKind: template.sheetKind,
    builtin: template.builtin,
    familyAliases: template.familyAliases,
    memberAliases: template.memberAliases,
    createdAt: template.createdAt ? template.createdAt.toISOString() : null,
  };
}

export async function saveTemplate(
  db: Kysely<DB>,
  input: { name: string; mapping: ColumnMapping; createdBy: string; agencyId: string },
): Promise<SavedTemplateRow> {
  return db
    .insertInto('import_template')
    .values({
      name: input.name,
      sheet_kind: input.mapping.sheetKind,
      mapping: JSON.stringify(input.mapping),
      created_by: input.createdBy,
      agency_id: input.agencyId,
    })
    .returning(['id', 'name', 'sheet_kind', 'mapping', 'created_at'])
    .executeTakeFirstOrThrow();
}

export { fromRow as savedTemplate };

/** Deletes one of the agency's saved templates; shipped templates cannot be deleted. Returns false when not found. */
export async function deleteTemplate(db: Kysely<DB>, id: string, agencyId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const result = await db.deleteFrom('import_template').where('id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
