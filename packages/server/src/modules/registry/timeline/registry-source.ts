import { changeFieldLabel, describeFieldChanges, orderedFieldChanges, type FieldChanges, type TimelineEvent } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { familyChangePage, type ChangeRow } from '../history/queries.ts';
import { isSpecificChange } from '../specific-changes.ts';

/** Beyond this many change rows a family's timeline shows the newest only; the history page has them all. */
const MAX_CHANGE_ROWS = 1000;

/** Fields the membership source tells as joins, moves and deaths, and counts that merely follow from them. */
const MEMBERSHIP_FIELDS: Record<'family' | 'member', ReadonlySet<string>> = {
  family: new Set(['memberCount']),
  member: new Set(['noKk', 'status']),
};

function shownChanges(row: ChangeRow): FieldChanges {
  const skip = MEMBERSHIP_FIELDS[row.entity];
  return Object.fromEntries(Object.entries(row.changes as FieldChanges).filter(([field]) => !skip.has(field)));
}

const SPECIFIC_CHANGED = { id: 'diubah (data pribadi spesifik disembunyikan)', en: 'changed (specific personal data hidden)' };

/** The changes in one line; specific personal data (UU PDP) named but not told, since the timeline is never unmasked. */
function describe(row: ChangeRow, changes: FieldChanges) {
  const open = Object.fromEntries(Object.entries(changes).filter(([field]) => !isSpecificChange(row.entity, field)));
  const hidden = orderedFieldChanges(row.entity, changes).map(([field]) => field).filter((field) => isSpecificChange(row.entity, field));
  const text = (language: 'id' | 'en') => {
    const parts = Object.keys(open).length > 0 ? [describeFieldChanges(row.entity, open, language)] : [];
    if (hidden.length > 0) parts.push(`${hidden.map((field) => changeFieldLabel(row.entity, field)[language]).join(', ')}: ${SPECIFIC_CHANGED[language]}`);
    const line = parts.join('; ');
    return row.entity === 'member' && row.member_name ? `${row.member_name}: ${line}` : line;
  };
  return { id: text('id'), en: text('en') };
}

const isMemberAdded = (row: ChangeRow, changes: FieldChanges) => row.entity === 'member' && changes.nik?.[0] === null && changes.name?.[0] === null;

function titleOf(row: ChangeRow): { kind: string; title: { id: string; en: string } } {
  const name = row.member_name ?? '';
  if (row.source === 'merge') return { kind: 'registry.merge', title: { id: 'Data duplikat digabung', en: 'Duplicate records merged' } };
  if (row.entity === 'member') return { kind: 'registry.edit', title: { id: `Data anggota diubah: ${name}`, en: `Member data edited: ${name}` } };
  return { kind: 'registry.edit', title: { id: 'Data keluarga diubah', en: 'Family data edited' } };
}

/** Where a family's first record came from (family.data_source); other values are shown as recorded. */
const DATA_SOURCES: Record<string, { id: string; en: string }> = {
  import: { id: 'impor berkas DTSEN/DTKS', en: 'DTSEN/DTKS file import' },
  manual: { id: 'input manual', en: 'manual entry' },
  seed: { id: 'data contoh', en: 'demo data' },
};

const actorOf = (row: ChangeRow) => (row.username ? { actor: { id: row.user_id, username: row.username } } : {});

/** An import touches a family and several members at once: one event per import batch, one line per record. */
function importEvent(batchRows: ChangeRow[]): TimelineEvent {
  // The family's line first, then its members' in the order the import wrote them.
  const rows = [...batchRows].sort((a, b) => (a.entity === b.entity ? a.id - b.id : a.entity === 'family' ? -1 : 1));
  const first = rows[0]!;
  const file = first.file_name ?? '';
  const lines = (language: 'id' | 'en') => rows.map((row) => describe(row, shownChanges(row))[language]).filter((line) => line !== '').join(' | ');
  return {
    at: first.at.toISOString(),
    kind: 'registry.import',
    source: 'registry',
    title: { id: `Diperbarui dari impor ${file}`, en: `Updated from import ${file}` },
    detail: { id: lines('id'), en: lines('en') },
    ...actorOf(first),
    ...(first.batch_id ? { link: `/impor/${first.batch_id}` } : {}),
  };
}

/** The registry's own events: the family recorded, every edit, every import that changed something, merges. */
export async function registryTimelineEvents(db: Kysely<DB>, familyId: string): Promise<TimelineEvent[]> {
  const family = await db.selectFrom('family').select(['created_at', 'data_source']).where('id', '=', familyId).executeTakeFirstOrThrow();
  const rows = await familyChangePage(db, familyId, undefined, { limit: MAX_CHANGE_ROWS, offset: 0 });
  const events: TimelineEvent[] = [
    {
      at: family.created_at.toISOString(),
      kind: 'registry.family_recorded',
      source: 'registry',
      title: { id: 'Keluarga tercatat di registri', en: 'Family recorded in the registry' },
      detail: {
        id: `Sumber data: ${DATA_SOURCES[family.data_source]?.id ?? family.data_source}`,
        en: `Data source: ${DATA_SOURCES[family.data_source]?.en ?? family.data_source}`,
      },
    },
  ];
  const imports = new Map<string, ChangeRow[]>();
  for (const row of rows) {
    const changes = shownChanges(row);
    // A member added by hand is told by the membership source as a join, on the date they joined.
    if (Object.keys(changes).length === 0 || isMemberAdded(row, changes)) continue;
    if (row.source === 'import' && row.batch_id) {
      imports.set(row.batch_id, [...(imports.get(row.batch_id) ?? []), row]);
      continue;
    }
    const { kind, title } = titleOf(row);
    events.push({ at: row.at.toISOString(), kind, source: 'registry', title, detail: describe(row, changes), ...actorOf(row), ...(row.entity === 'member' ? { memberId: row.entity_id } : {}) });
  }
  for (const batch of imports.values()) events.push(importEvent(batch));
  return events;
}
