import {
  criteriaFromRegistry, fundingTotals, type Renovation, type RenovationFunding, type RenovationListItem, type RenovationPhoto,
  type RenovationProgressEntry, type RenovationStageChange, type RtlhCriteria,
} from '@sinergi/domain';
import type { HouseListRow, houseFunding, houseHistory, housePhotos, houseProgress, familyHouse } from './queries.ts';

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function listItemOf(row: HouseListRow): RenovationListItem {
  return {
    id: row.id, familyId: row.family_id, headName: row.head_name, address: row.address ?? row.family_address,
    villageCode: row.village_code, villageName: row.village_name, kecamatanCode: row.kecamatan_code, kecamatanName: row.kecamatan_name,
    agencyId: row.agency_id, agencyShortName: row.agency_short_name, year: row.year, stage: row.stage, source: row.source,
    score: row.score, progress: row.progress, fundingTotal: Number(row.funding_total), updatedAt: iso(row.updated_at),
  };
}

export const photoUrl = (houseId: string, photoId: string) => `/api/renovations/${houseId}/photos/${photoId}`;

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export interface HouseParts {
  funding: Rows<typeof houseFunding>;
  progress: Rows<typeof houseProgress>;
  photos: Rows<typeof housePhotos>;
  history: Rows<typeof houseHistory>;
  family: NonNullable<Rows<typeof familyHouse>>;
}

function fundingOf(row: HouseParts['funding'][number]): RenovationFunding {
  return {
    id: row.id, source: row.source, partnerId: row.partner_id, partnerName: row.partner_name, form: row.form, value: Number(row.value),
    description: row.description, contributedOn: row.contributed_on, createdBy: row.created_by_name,
  };
}

function progressOf(row: HouseParts['progress'][number]): RenovationProgressEntry {
  return { id: row.id, percent: row.percent, recordedOn: row.recorded_on, note: row.note, createdBy: row.created_by_name, createdAt: iso(row.created_at) };
}

function photoOf(row: HouseParts['photos'][number]): RenovationPhoto {
  return {
    id: row.id, kind: row.kind, progressId: row.progress_id, name: row.file_name, width: row.width, height: row.height, size: row.size,
    takenAt: row.taken_at, caption: row.caption, createdAt: iso(row.created_at), url: photoUrl(row.house_id, row.id),
  };
}

function historyOf(row: HouseParts['history'][number]): RenovationStageChange {
  return { fromStage: row.from_stage, toStage: row.to_stage, note: row.note, at: iso(row.at), username: row.username };
}

export function renovationOf(row: HouseListRow, parts: HouseParts, actions: Renovation['actions']): Renovation {
  const funding = parts.funding.map(fundingOf);
  const family = parts.family;
  return {
    ...listItemOf(row),
    proposer: row.proposer, proposalNote: row.proposal_note,
    criteria: (row.criteria as RtlhCriteria | null) ?? null,
    registryCriteria: criteriaFromRegistry({
      roofType: family.roof_type, wallType: family.wall_type, floorType: family.floor_type, toilet: family.toilet, waterSource: family.water_source,
      lighting: family.lighting, floorAreaM2: family.floor_area_m2 === null ? null : Number(family.floor_area_m2), memberCount: family.member_count,
    }),
    floorAreaM2: row.floor_area_m2 === null ? null : Number(row.floor_area_m2), occupants: row.occupants,
    assessedOn: row.assessed_on, assessmentNote: row.assessment_note, verifiedOn: row.verified_on, verificationNote: row.verification_note,
    plannedStart: row.planned_start, plannedEnd: row.planned_end, budget: row.budget === null ? null : Number(row.budget),
    startedOn: row.started_on, completedOn: row.completed_on, handoverOn: row.handover_on, completionNote: row.completion_note,
    rejectedReason: row.rejected_reason, version: row.version,
    funding, fundingTotals: fundingTotals(funding),
    progressEntries: parts.progress.map(progressOf), photos: parts.photos.map(photoOf), history: parts.history.map(historyOf), actions,
  };
}
