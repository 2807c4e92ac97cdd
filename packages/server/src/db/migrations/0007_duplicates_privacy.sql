-- Probable duplicates (review queue, scans) and data-subject correction requests (UU PDP 27/2022).

CREATE TABLE duplicate_scan (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL CHECK (kind IN ('full', 'batch')),
  batch_id      uuid REFERENCES import_batch (id) ON DELETE SET NULL,
  status        text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  threshold     real NOT NULL,
  blocks_total  integer NOT NULL DEFAULT 0,
  blocks_done   integer NOT NULL DEFAULT 0,
  pairs_found   integer NOT NULL DEFAULT 0,
  started_by    uuid REFERENCES app_user (id),
  started_at    timestamptz NOT NULL DEFAULT now(),
  -- Touched after every block; a running scan whose heartbeat stopped was left behind by a dead process.
  heartbeat_at  timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  error         text
);
CREATE INDEX duplicate_scan_started_idx ON duplicate_scan (started_at DESC);
-- One whole-registry scan at a time.
CREATE UNIQUE INDEX duplicate_scan_one_full_idx ON duplicate_scan (kind) WHERE kind = 'full' AND status = 'running';

-- Member ids carry no foreign key: a merged pair keeps its record after the removed member's row is deleted.
CREATE TABLE duplicate_candidate (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_a          uuid NOT NULL,
  member_b          uuid NOT NULL,
  -- The village both members lived in when the pair was found (the blocking key; scopes decided pairs).
  village_code      text NOT NULL,
  kecamatan_code    text GENERATED ALWAYS AS (left(village_code, 8)) STORED,
  score             real NOT NULL,
  -- {nameSimilarity, sameBirthDate, sameVillage}
  reasons           jsonb NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'distinct')),
  scan_id           uuid REFERENCES duplicate_scan (id) ON DELETE SET NULL,
  found_at          timestamptz NOT NULL DEFAULT now(),
  kept_member_id    uuid,
  removed_member_id uuid,
  -- The NIK that no longer exists after a merge: a later import or an access request under it finds the kept member.
  removed_nik       text,
  decided_by        uuid REFERENCES app_user (id),
  decided_at        timestamptz,
  note              text,
  CHECK (member_a < member_b),
  UNIQUE (member_a, member_b),
  CHECK ((status = 'merged') = (kept_member_id IS NOT NULL AND removed_member_id IS NOT NULL))
);
CREATE INDEX duplicate_candidate_member_b_idx ON duplicate_candidate (member_b);
CREATE INDEX duplicate_candidate_queue_idx ON duplicate_candidate (status, score DESC, id);
CREATE INDEX duplicate_candidate_region_idx ON duplicate_candidate (kecamatan_code, village_code);
CREATE INDEX duplicate_candidate_removed_nik_idx ON duplicate_candidate (removed_nik) WHERE removed_nik IS NOT NULL;

CREATE TABLE correction_request (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity             text NOT NULL CHECK (entity IN ('member', 'family')),
  -- A member request also names the member's family at the time, so that it stays scoped if the member is merged away.
  member_id          uuid REFERENCES member (id),
  family_id          uuid NOT NULL REFERENCES family (id),
  -- The data subject's NIK when the request was made (stable across merges, unlike member ids).
  subject_nik        text,
  -- {field: requested value}; may be empty when the request only describes the problem.
  requested_changes  jsonb NOT NULL DEFAULT '{}',
  reason             text NOT NULL,
  channel            text NOT NULL CHECK (channel IN ('in_person', 'letter', 'phone', 'online')),
  requester_name     text NOT NULL,
  requester_contact  text,
  status             text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_review', 'accepted', 'rejected')),
  outcome_note       text,
  -- What an accepted request did to the registry: applied through the edit path, or left for an operator.
  apply_status       text CHECK (apply_status IN ('nothing_to_apply', 'applied', 'operator_must_apply')),
  applied_changes    jsonb,
  decided_by         uuid REFERENCES app_user (id),
  decided_at         timestamptz,
  reviewed_by        uuid REFERENCES app_user (id),
  reviewed_at        timestamptz,
  created_by         uuid REFERENCES app_user (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (entity = 'family' OR member_id IS NOT NULL)
);
CREATE INDEX correction_request_status_idx ON correction_request (status, created_at DESC);
CREATE INDEX correction_request_member_idx ON correction_request (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX correction_request_family_idx ON correction_request (family_id);
CREATE INDEX correction_request_nik_idx ON correction_request (subject_nik) WHERE subject_nik IS NOT NULL;
