import { DuplicateReasons, maskBirthDate, maskIdNumber, type DuplicateCandidate, type DuplicateMember } from '@sinergi/domain';
import type { CandidateRow, SideRow } from './review-queries.ts';

function toSide(id: string, row: SideRow, unmasked: boolean): DuplicateMember {
  const nik = row.nik ?? '';
  return {
    id,
    present: row.present,
    nik: unmasked ? nik : maskIdNumber(nik),
    name: row.name ?? '',
    birthDate: unmasked ? row.birth_date : maskBirthDate(row.birth_date),
    sex: row.sex,
    relation: row.relation,
    familyId: row.family_id,
    noKk: row.no_kk === null ? null : unmasked ? row.no_kk : maskIdNumber(row.no_kk),
    headName: row.head_name,
    address: row.address,
    villageCode: row.village_code,
    villageName: row.village_name,
    kecamatanName: row.kecamatan_name,
  };
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** A pair as the review queue shows it; NIK, No KK and birth dates in full only when `unmasked`. */
export function toCandidate(row: CandidateRow, unmasked: boolean): DuplicateCandidate {
  const kept = row.kept_member_id === null ? null : row.kept_member_id === row.member_a ? 'a' : 'b';
  return {
    id: row.id,
    score: row.score,
    reasons: DuplicateReasons.parse(row.reasons),
    status: row.status,
    villageCode: row.village_code,
    foundAt: new Date(row.found_at).toISOString(),
    a: toSide(row.member_a, row.a, unmasked),
    b: toSide(row.member_b, row.b, unmasked),
    kept,
    decidedBy:
      row.decided_by_id && row.decided_by_username
        ? { id: row.decided_by_id, username: row.decided_by_username, fullName: row.decided_by_name ?? row.decided_by_username }
        : null,
    decidedAt: iso(row.decided_at),
    note: row.note,
    unmasked,
  };
}
