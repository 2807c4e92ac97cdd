import { z } from 'zod';
import { PageQuery } from './common.ts';

export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'view', 'export', 'unmask', 'login', 'login_failed', 'logout',
  'password_change', 'password_reset', 'disable', 'enable',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * Every kind of record the audit trail names. The server's recordAudit accepts only these, and the UI labels each in
 * both languages, so a new kind cannot reach the trail unlabelled.
 */
export const AUDIT_ENTITIES = [
  'user', 'session', 'agency', 'partner', 'database', 'demo_data',
  'family', 'family_list', 'member', 'import_batch', 'import_template',
  'duplicate_scan', 'duplicate_candidate', 'duplicate_list', 'person', 'correction_request', 'correction_list',
  'program', 'program_run', 'program_enrolment', 'program_enrolment_list', 'program_decree', 'program_conflict_rule',
  'distribution_stage', 'distribution_handover', 'distribution_handover_list', 'distribution_family_list', 'distribution_proof',
  'coverage_families', 'coverage_untouched',
  'referral', 'referral_list', 'referral_rule',
  'pathway_transition', 'graduation_criteria', 'graduation_assessment',
  'training_course', 'training_cohort', 'training_session', 'training_participant', 'training_follow_up',
  'renovation_house', 'renovation_candidates', 'renovation_funding', 'renovation_photo', 'renovation_target', 'renovation_report',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export function isAuditEntity(entity: string): entity is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(entity);
}

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  username: z.string().trim().max(100).optional(),
  action: AuditAction.optional(),
  entity: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
