import { maskIdNumber, type DistributionFamily, type DistributionFamilyQuery, type EnrolmentStatus, type Page } from '@sinergi/domain';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { containsPattern } from '../../../db/like.ts';
import { familyScopeCondition } from '../../registry/scope-filter.ts';
import type { ProgramContext } from '../context.ts';
import { checkedRegionFilter, regionCondition } from '../preview.ts';
import { audit, requireProgram } from '../service.ts';

interface FamilyRow {
  enrolment_id: string;
  family_id: string;
  no_kk: string;
  head_name: string | null;
  kecamatan_name: string;
  village_name: string;
  status: EnrolmentStatus;
  decree_number: string | null;
  received: string[];
}

/**
 * The families of the program's decrees in the user's scope, with the stages each has received: the distribution
 * page's list. No KK masked; audited as a view of personal data.
 */
export async function distributionFamilies(context: ProgramContext, programId: string, query: DistributionFamilyQuery): Promise<Page<DistributionFamily>> {
  await requireProgram(context.db, programId);
  const region = await checkedRegionFilter(context, query.region);
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`e.program_id = ${programId}::uuid`, sql<SqlBool>`e.decree_id IS NOT NULL`];
  const scope = familyScopeCondition(context.user, 'e');
  if (scope) parts.push(scope);
  if (region) parts.push(regionCondition(region, 'e'));
  if (query.q) parts.push(sql<SqlBool>`f.head_name ILIKE ${containsPattern(query.q)}`);
  if (query.pendingStageId) {
    parts.push(sql<SqlBool>`e.status IN ('in_decree', 'served')`);
    parts.push(sql<SqlBool>`NOT EXISTS (SELECT 1 FROM distribution_handover h WHERE h.enrolment_id = e.id AND h.stage_id = ${query.pendingStageId}::uuid)`);
  }
  const where = sql.join(parts, sql` AND `);
  const rows = await sql<FamilyRow>`
    SELECT e.id AS enrolment_id, e.family_id, f.no_kk, f.head_name, k.name AS kecamatan_name, v.name AS village_name, e.status, d.number AS decree_number,
           coalesce((SELECT json_agg(h.stage_id ORDER BY h.handed_on) FROM distribution_handover h WHERE h.enrolment_id = e.id), '[]'::json) AS received
      FROM program_enrolment e
      JOIN family f ON f.id = e.family_id
      JOIN region v ON v.code = e.village_code
      JOIN region k ON k.code = e.kecamatan_code
      LEFT JOIN program_decree d ON d.id = e.decree_id
     WHERE ${where}
     ORDER BY e.kecamatan_code, e.village_code, f.head_name, e.id
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(context.db);
  const total = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM program_enrolment e JOIN family f ON f.id = e.family_id WHERE ${where}`.execute(context.db);
  await audit(context, { action: 'view', entity: 'distribution_family_list', entityId: programId, details: { ...query, total: total.rows[0]?.n ?? 0 } });
  return {
    items: rows.rows.map((row) => ({
      enrolmentId: row.enrolment_id, familyId: row.family_id, noKk: maskIdNumber(row.no_kk), headName: row.head_name, kecamatanName: row.kecamatan_name,
      villageName: row.village_name, status: row.status, decreeNumber: row.decree_number, receivedStageIds: row.received,
    })),
    total: total.rows[0]?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
