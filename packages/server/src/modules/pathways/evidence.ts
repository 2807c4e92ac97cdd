import { furtherStage, RECEIVED_STATUSES, stageForProgram, stageRank, type EvidenceKind, type PathwayStage, type SuggestedEvidence } from '@sinergi/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';

/**
 * Records that can back a step on a family's way out: program enrolments here; referrals, training and renovation
 * modules register their own source for their own kinds, so the pathway never reads their tables itself.
 */
export type PathwayEvidenceSource = (db: Kysely<DB>, familyId: string) => Promise<SuggestedEvidence[]>;

interface RegisteredSource {
  kinds: readonly EvidenceKind[];
  source: PathwayEvidenceSource;
}

const sources = new Map<string, RegisteredSource>();

/** Adds (or replaces) a module's evidence source for the kinds it owns; returns a function that removes it (for tests). */
export function registerPathwayEvidenceSource(name: string, kinds: readonly EvidenceKind[], source: PathwayEvidenceSource): () => void {
  const entry = { kinds, source };
  sources.set(name, entry);
  return () => {
    if (sources.get(name) === entry) sources.delete(name);
  };
}

/** Kinds some source vouches for: a step may cite such a record only when that source knows it for the family. */
export function checkedEvidenceKinds(): Set<EvidenceKind> {
  return new Set([...sources.values()].flatMap((entry) => entry.kinds));
}

/** Every source's records for the family, oldest first; a failing source is skipped rather than hiding the rest. */
export async function familyEvidence(db: Kysely<DB>, familyId: string): Promise<SuggestedEvidence[]> {
  const answers = await Promise.all([...sources.values()].map((entry) => entry.source(db, familyId).catch(() => [])));
  return answers.flat().sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.label.localeCompare(b.label));
}

interface EnrolmentEvidenceRow {
  id: string;
  program_name: string;
  kind: string;
  approach: string;
  agency_id: string;
  agency_short_name: string;
  agency_kind: string;
  received_on: string | null;
}

/** Programs the family received (from the decree on, not cancelled), each placed at the stage its kind and approach mean. */
export async function enrolmentEvidence(db: Kysely<DB>, familyId: string): Promise<SuggestedEvidence[]> {
  const rows = await sql<EnrolmentEvidenceRow>`
    SELECT pe.id, p.name AS program_name, p.kind, p.approach, a.id AS agency_id, a.short_name AS agency_short_name, a.kind AS agency_kind,
           pe.received_on::text AS received_on
      FROM program_enrolment pe
      JOIN program p ON p.id = pe.program_id
      JOIN agency a ON a.id = p.agency_id
     WHERE pe.family_id = ${familyId} AND pe.status = ANY(${[...RECEIVED_STATUSES]}::text[])`.execute(db);
  return rows.rows.map((row) => ({
    kind: 'enrolment',
    id: row.id,
    label: row.program_name,
    stage: stageForProgram({ kind: row.kind, approach: row.approach, agencyKind: row.agency_kind }),
    agency: { id: row.agency_id, shortName: row.agency_short_name },
    date: row.received_on,
  }));
}

registerPathwayEvidenceSource('programs', ['enrolment'], enrolmentEvidence);

/** The furthest stage the evidence points at, when further than the current one, with the records that point there. */
export function suggestStage(evidence: readonly SuggestedEvidence[], current: PathwayStage | null): { stage: PathwayStage; evidence: SuggestedEvidence[] } | null {
  const furthest = evidence.reduce<PathwayStage | null>((stage, item) => furtherStage(stage, item.stage), null);
  if (furthest === null || (current !== null && stageRank(furthest) <= stageRank(current))) return null;
  return { stage: furthest, evidence: evidence.filter((item) => item.stage === furthest) };
}
