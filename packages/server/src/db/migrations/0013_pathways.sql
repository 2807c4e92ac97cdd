-- Each family's way out of poverty: its current stage, every step with its evidence, graduation criteria and assessments.

CREATE TABLE graduation_criteria (
  version     integer PRIMARY KEY,
  -- A rule of the eligibility rule language ({version, condition}); the newest version applies.
  rule        jsonb NOT NULL,
  note        text,
  created_by  uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE graduation_assessment (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id         uuid NOT NULL REFERENCES family (id) ON DELETE CASCADE,
  -- 0 = the built-in default criteria.
  criteria_version  integer NOT NULL,
  rule              jsonb NOT NULL,
  reference_date    date NOT NULL,
  passed            boolean NOT NULL,
  -- The explanation rule by rule, as shown when the assessment was made.
  explanation       jsonb NOT NULL,
  note              text,
  user_id           uuid REFERENCES app_user (id),
  at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX graduation_assessment_family ON graduation_assessment (family_id, at);

CREATE TABLE family_pathway (
  family_id            uuid PRIMARY KEY REFERENCES family (id) ON DELETE CASCADE,
  stage                text NOT NULL CHECK (stage IN ('bantuan', 'pemberdayaan', 'pengembangan', 'mandiri')),
  stage_since          date NOT NULL,
  -- The agency whose program or referral put the family at its current stage (leaders' counts by agency).
  agency_id            uuid REFERENCES agency (id),
  -- National desil when the family entered the pathway: graduation criteria compare today's desil with it.
  baseline_desil       integer,
  business_started_on  date,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_pathway_stage_agency ON family_pathway (stage, agency_id);

CREATE TABLE pathway_transition (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id        uuid NOT NULL REFERENCES family (id) ON DELETE CASCADE,
  from_stage       text,
  to_stage         text NOT NULL CHECK (to_stage IN ('bantuan', 'pemberdayaan', 'pengembangan', 'mandiri')),
  on_date          date NOT NULL,
  agency_id        uuid REFERENCES agency (id),
  -- [{kind, id, label}]: program enrolments, referrals, training records… by reference.
  evidence         jsonb NOT NULL DEFAULT '[]',
  note             text,
  assessment_id    uuid REFERENCES graduation_assessment (id),
  override_reason  text,
  user_id          uuid REFERENCES app_user (id),
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pathway_transition_family ON pathway_transition (family_id, at);
