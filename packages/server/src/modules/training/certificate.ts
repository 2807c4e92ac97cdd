import { attendancePercent } from '@sinergi/domain';
import { AppError } from '../../http/errors.ts';
import { assertInScope } from '../../http/scope.ts';
import { jurisdictionToday } from '../programs/context.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { audit, type TrainingContext } from './context.ts';

export interface CertificateFile {
  fileName: string;
  pdf: Buffer;
}

/** The certificate of a participant who completed a completed cohort (409 otherwise), in the user's scope; audited. */
export async function participantCertificate(context: TrainingContext, participantId: string, options: { compress?: boolean } = {}): Promise<CertificateFile> {
  const row = await context.db
    .selectFrom('training_participant as p')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .innerJoin('family as f', 'f.id', 'p.family_id')
    .innerJoin('training_cohort as h', 'h.id', 'p.cohort_id')
    .innerJoin('training_course as c', 'c.id', 'h.course_id')
    .innerJoin('agency as a', 'a.id', 'c.agency_id')
    .leftJoin('partner as l', 'l.id', 'c.lpk_partner_id')
    .select([
      'p.id', 'p.outcome', 'p.certificate_number', 'p.attended_sessions', 'p.session_count', 'm.name', 'f.village_code', 'h.status', 'h.place_name',
      'h.start_date', 'h.end_date', 'h.completed_at', 'h.id as cohort_id', 'c.name as course_name', 'c.hours', 'a.name as agency_name', 'l.name as lpk_name',
    ])
    .where('p.id', '=', participantId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  assertInScope(context.user, row.village_code);
  if (row.status !== 'completed') throw new AppError('training_cohort_not_completed');
  if (row.outcome !== 'completed' || !row.certificate_number) throw new AppError('training_not_completed');
  const pdf = await renderCertificatePdf(
    {
      number: row.certificate_number, participantName: row.name, courseName: row.course_name, hours: row.hours, agencyName: row.agency_name,
      lpkName: row.lpk_name, placeName: row.place_name, startDate: row.start_date, endDate: row.end_date,
      attendancePercent: attendancePercent(row.attended_sessions ?? 0, row.session_count ?? 0),
      issuedOn: jurisdictionToday(context.config.jurisdiction, row.completed_at ?? new Date()),
    },
    options,
  );
  await audit(context, { action: 'export', entity: 'training_participant', entityId: participantId, details: { certificate: row.certificate_number, cohortId: row.cohort_id } });
  return { fileName: `sertifikat-${row.certificate_number.replace(/[^\w-]+/g, '-')}.pdf`, pdf };
}
