import { errorMessage, type ErrorCode, type Language } from '@sinergi/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';

const STATUS: Partial<Record<ErrorCode, number>> = {
  validation_failed: 400,
  unknown_region: 400,
  dashboard_area_too_deep: 400,
  outside_jurisdiction: 400,
  weak_password: 400,
  wrong_password: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  password_change_required: 403,
  out_of_scope: 403,
  program_other_agency: 403,
  training_other_agency: 403,
  renovation_agency_only: 403,
  renovation_other_agency: 403,
  renovation_transition_invalid: 409,
  renovation_already_open: 409,
  renovation_not_rtlh: 409,
  renovation_photos_required: 409,
  renovation_funding_closed: 409,
  renovation_progress_backwards: 409,
  csrf_failed: 403,
  account_disabled: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  import_wrong_status: 409,
  program_closed: 409,
  program_not_active: 409,
  program_status_invalid: 409,
  program_rule_required: 409,
  program_run_in_progress: 409,
  program_no_run: 409,
  enrolment_transition_invalid: 409,
  enrolment_in_decree: 409,
  enrolment_not_in_decree: 409,
  enrolment_not_replaceable: 409,
  enrolment_already_replaced: 409,
  waiting_list_empty: 409,
  decree_nothing_to_fix: 409,
  handover_exists: 409,
  handover_key_reused: 409,
  handover_not_decreed: 409,
  handover_revision_stale: 409,
  stage_has_handovers: 409,
  proof_exists: 409,
  duplicate_already_decided: 409,
  duplicate_member_missing: 409,
  duplicate_merge_blocked: 409,
  correction_invalid_transition: 409,
  training_cohort_full: 409,
  training_participant_duplicate: 409,
  training_cohort_completed: 409,
  training_cohort_not_completed: 409,
  training_not_completed: 409,
  training_seats_below_participants: 409,
  pathway_same_stage: 409,
  pathway_graduation_required: 409,
  pathway_assessment_invalid: 409,
  referral_transition_invalid: 409,
  referral_not_receiver: 403,
  referral_not_sender: 403,
  import_file_missing: 410,
  payload_too_large: 413,
  import_unsupported_file: 415,
  import_xls_unsupported: 415,
  decree_file_type: 415,
  photo_file_type: 415,
  proof_photo_type: 415,
  proof_photo_too_large: 413,
  account_locked: 423,
  too_many_requests: 429,
};

/** An expected failure with a stable code; the handler turns it into JSON in the caller's language. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
  get status(): number {
    return STATUS[this.code] ?? 400;
  }
}

export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'id';
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: ErrorCode, params: Record<string, string | number> = {}, details?: unknown) {
  const body: ErrorBody = { code, message: errorMessage(code, requestLanguage(request), params) };
  if (details !== undefined) body.details = details;
  return reply.status(status).send(body);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => send(reply, request, 404, 'not_found'));
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error.status, error.code, error.params, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      return send(reply, request, 400, 'validation_failed', {}, issues);
    }
    if (error instanceof ZodError) {
      return send(reply, request, 400, 'validation_failed', {}, error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(reply, request, 429, 'too_many_requests');
    if (status === 413) return send(reply, request, 413, 'payload_too_large');
    if (status >= 400 && status < 500) return send(reply, request, status, 'validation_failed', {}, [{ message: error.message }]);
    request.log.error(error);
    return send(reply, request, 500, 'internal_error');
  });
}
