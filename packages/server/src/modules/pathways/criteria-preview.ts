import {
  GraduationCriteriaPreviewBody, PATHWAY_STAGES, type EligibilityRule, type GraduationCriteriaPreview, type PathwayStage,
} from '@sinergi/domain';
import { sql } from 'kysely';
import { eligibilityWhere } from '../eligibility/sql.ts';
import { jurisdictionToday } from '../programs/context.ts';
import { tuneTransaction } from '../programs/queries.ts';
import { PROGRAM_RECEIPT_TABLES } from '../programs/receipts.ts';
import { familyScopeCondition } from '../registry/scope-filter.ts';
import { checkCriteriaRule, currentCriteria } from './graduation.ts';
import type { PathwayContext } from './service.ts';

/** What a change of the graduation criteria would do: families on their way out that meet the draft, next to the saved criteria. */

type OpenStage = Exclude<PathwayStage, 'mandiri'>;
const OPEN_STAGES = PATHWAY_STAGES.filter((stage): stage is OpenStage => stage !== 'mandiri');

interface CountRow {
  code: string;
  name: string | null;
  stage: OpenStage;
  on_pathway: number;
  draft: number;
  current: number;
}

interface Counts {
  onPathway: number;
  draft: number;
  current: number;
}

const zero = (): Counts => ({ onPathway: 0, draft: 0, current: 0 });

function add(into: Counts, row: CountRow): void {
  into.onPathway += row.on_pathway;
  into.draft += row.draft;
  into.current += row.current;
}

/**
 * One pass over the families on a pathway (not yet mandiri, within the user's scope): both rules are compiled to SQL
 * the way graduation assessments evaluate them (same reference day, every receipt counts) and counted side by side.
 * Aliases are ones the compiled SQL never uses, so its own subqueries on family_pathway stay independent.
 */
async function countByStageAndKecamatan(context: PathwayContext, draft: EligibilityRule, saved: EligibilityRule, referenceDate: string) {
  const options = { referenceDate, programTables: PROGRAM_RECEIPT_TABLES };
  const scope = familyScopeCondition(context.user, 'f') ?? sql<boolean>`TRUE`;
  return context.db.transaction().execute(async (trx) => {
    await tuneTransaction(trx);
    const result = await sql<CountRow>`
      SELECT f.kecamatan_code AS code, kec.name, gp.stage,
             count(*)::int AS on_pathway,
             (count(*) FILTER (WHERE ${eligibilityWhere(draft, options)}))::int AS draft,
             (count(*) FILTER (WHERE ${eligibilityWhere(saved, options)}))::int AS current
        FROM family_pathway gp
        JOIN family f ON f.id = gp.family_id
        LEFT JOIN region kec ON kec.code = f.kecamatan_code
       WHERE gp.stage <> 'mandiri' AND ${scope}
       GROUP BY f.kecamatan_code, kec.name, gp.stage`.execute(trx);
    return result.rows;
  });
}

/** Counts a draft of the criteria, checked exactly like a save (400 invalid_rule lists every issue with its path). */
export async function previewCriteria(context: PathwayContext, body: GraduationCriteriaPreviewBody): Promise<GraduationCriteriaPreview> {
  const input = GraduationCriteriaPreviewBody.parse(body);
  const draft = await checkCriteriaRule(context, input.rule);
  const saved = await currentCriteria(context.db);
  const referenceDate = jurisdictionToday(context.config.jurisdiction);
  const rows = await countByStageAndKecamatan(context, draft, saved.rule, referenceDate);

  const totals = zero();
  const byStage = new Map(OPEN_STAGES.map((stage) => [stage, zero()]));
  const byKecamatan = new Map<string, Counts & { code: string; name: string }>();
  for (const row of rows) {
    add(totals, row);
    const stage = byStage.get(row.stage);
    if (stage) add(stage, row);
    const kecamatan = byKecamatan.get(row.code) ?? { code: row.code, name: row.name ?? row.code, ...zero() };
    add(kecamatan, row);
    byKecamatan.set(row.code, kecamatan);
  }
  return {
    ...totals,
    referenceDate,
    currentVersion: saved.version,
    byStage: OPEN_STAGES.map((stage) => ({ stage, ...(byStage.get(stage) ?? zero()) })),
    byKecamatan: [...byKecamatan.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
