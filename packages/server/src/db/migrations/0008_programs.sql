-- Programs: catalog per agency, eligibility rules with their versions, targeting runs (snapshots), the beneficiary
-- lifecycle per family (program_enrolment, referenced by distribution and later modules), decrees (SK) and the
-- history of every enrolment change.

CREATE TABLE program (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id       uuid NOT NULL REFERENCES agency (id),
  name            text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('cash_transfer', 'food_aid', 'business_package', 'training', 'house_renovation',
                                                'sanitation', 'clean_water', 'conditional_cash', 'mentoring', 'other')),
  approach        text NOT NULL CHECK (approach IN ('lower_spending', 'raise_income', 'remove_pockets')),
  description     text,
  period_from     date NOT NULL,
  period_to       date NOT NULL,
  funding_source  text NOT NULL CHECK (funding_source IN ('apbd', 'apbn', 'dana_desa', 'csr', 'community')),
  budget          bigint CHECK (budget >= 0),
  unit_value      bigint CHECK (unit_value >= 0),
  -- [{name, quantity, unit, unitValue}]
  benefit_items   jsonb NOT NULL DEFAULT '[]',
  target_families integer CHECK (target_families >= 0),
  target_people   integer CHECK (target_people >= 0),
  target_units    integer CHECK (target_units >= 0),
  target_money    bigint CHECK (target_money >= 0),
  -- Kecamatan or village codes the program serves; empty = the whole jurisdiction.
  region_codes    text[] NOT NULL DEFAULT '{}',
  -- Lawful basis for processing personal data (UU PDP 27/2022), required before activation.
  legal_basis     text,
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'closed')),
  rule            jsonb,
  priority        jsonb,
  -- Incremented whenever rule or priority changes; every version stays in program_rule_version.
  rule_version    integer NOT NULL DEFAULT 0,
  -- The targeting run whose candidates and waiting list the enrolments come from.
  current_run_id  uuid,
  version         integer NOT NULL DEFAULT 1,
  created_by      uuid REFERENCES app_user (id),
  updated_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  activated_at    timestamptz,
  closed_at       timestamptz,
  CHECK (period_from <= period_to)
);
CREATE INDEX program_agency_idx ON program (agency_id);
CREATE INDEX program_kind_idx ON program (kind);

CREATE TABLE program_quota (
  program_id     uuid NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  kecamatan_code text NOT NULL REFERENCES region (code),
  families       integer NOT NULL CHECK (families >= 0),
  units          integer CHECK (units >= 0),
  money          bigint CHECK (money >= 0),
  PRIMARY KEY (program_id, kecamatan_code)
);

CREATE TABLE program_rule_version (
  program_id uuid NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  version    integer NOT NULL,
  rule       jsonb,
  priority   jsonb,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, version)
);

CREATE TABLE program_run (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id            uuid NOT NULL REFERENCES program (id),
  status                text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  phase                 text NOT NULL DEFAULT 'queued' CHECK (phase IN ('queued', 'counting', 'selecting', 'saving', 'done', 'failed')),
  rule_version          integer NOT NULL,
  rule                  jsonb NOT NULL,
  priority              jsonb NOT NULL,
  reference_date        date NOT NULL,
  -- What the list was computed from: program scope, quotas and target as they were, the registry as of this instant.
  region_codes          text[] NOT NULL DEFAULT '{}',
  quotas                jsonb NOT NULL DEFAULT '[]',
  target_families       integer,
  registry_snapshot_at  timestamptz,
  registry_families     integer,
  registry_members      integer,
  -- Progress: families in the program's scope, and how many were examined.
  total_families        integer,
  processed_families    integer NOT NULL DEFAULT 0,
  qualified             integer,
  selected              integer,
  waiting               integer,
  -- [{kecamatanCode, quota, qualified, selected, waiting}]
  by_kecamatan          jsonb NOT NULL DEFAULT '[]',
  -- Whether the run's candidates became the program's enrolments (not once verification has begun).
  adopted               boolean NOT NULL DEFAULT false,
  error                 jsonb,
  created_by            uuid REFERENCES app_user (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  started_at            timestamptz,
  finished_at           timestamptz
);
CREATE INDEX program_run_program_idx ON program_run (program_id, created_at DESC);
-- One run at a time per program.
CREATE UNIQUE INDEX program_run_active_idx ON program_run (program_id) WHERE status IN ('queued', 'running');
ALTER TABLE program ADD CONSTRAINT program_current_run_fk FOREIGN KEY (current_run_id) REFERENCES program_run (id);

-- Written only by the targeting statement, from family rows it has just read: foreign-key checks per row would
-- nearly double a run over a million families, so the snapshot carries plain ids.
CREATE TABLE program_run_family (
  run_id         uuid NOT NULL,
  family_id      uuid NOT NULL,
  kecamatan_code text NOT NULL,
  village_code   text NOT NULL,
  score          bigint NOT NULL,
  -- Position among all qualifying families by priority (No KK breaks ties).
  rank           integer NOT NULL,
  kecamatan_rank integer NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('selected', 'waiting')),
  waiting_rank   integer,
  PRIMARY KEY (run_id, family_id)
);
CREATE INDEX program_run_family_rank_idx ON program_run_family (run_id, outcome, rank);

CREATE TABLE program_decree (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id      uuid NOT NULL REFERENCES program (id),
  number          text NOT NULL,
  decree_date     date NOT NULL,
  signed_by       text NOT NULL,
  title           text,
  -- The first decree of a program, or an amendment (SK perubahan) adding replacements later.
  kind            text NOT NULL CHECK (kind IN ('initial', 'amendment')),
  enrolment_count integer NOT NULL,
  -- Uploaded scan, relative to UPLOAD_DIR.
  file_path       text,
  file_name       text,
  file_type       text,
  file_size       bigint,
  file_sha256     text,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX program_decree_number_idx ON program_decree (program_id, lower(number));

CREATE TABLE program_enrolment (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id            uuid NOT NULL REFERENCES program (id),
  family_id             uuid NOT NULL REFERENCES family (id),
  -- Where the family lived when it was drawn: quotas and field staff scope follow this place.
  kecamatan_code        text NOT NULL,
  village_code          text NOT NULL,
  status                text NOT NULL DEFAULT 'candidate'
                        CHECK (status IN ('candidate', 'verified', 'rejected', 'in_decree', 'served', 'finished', 'stopped', 'cancelled')),
  reason                text CHECK (reason IN ('moved', 'died', 'not_poor', 'refused', 'other')),
  note                  text,
  source                text NOT NULL CHECK (source IN ('targeting', 'replacement')),
  run_id                uuid REFERENCES program_run (id),
  rank                  integer,
  score                 bigint,
  replaces_id           uuid REFERENCES program_enrolment (id),
  verified_on           date,
  verified_by           uuid REFERENCES app_user (id),
  decree_id             uuid REFERENCES program_decree (id),
  -- When the family received the program (set by distribution).
  served_at             timestamptz,
  -- The day that "received program X in period" rules look at: the day served, else the decree's date (a family
  -- fixed by a decree is a recipient of that year already). Kept by a trigger from served_at and decree_id.
  received_on           date,
  status_changed_at     timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, family_id)
);
CREATE INDEX program_enrolment_family_idx ON program_enrolment (family_id, program_id);
CREATE INDEX program_enrolment_status_idx ON program_enrolment (program_id, status, rank);
CREATE INDEX program_enrolment_place_idx ON program_enrolment (program_id, kecamatan_code, village_code);
CREATE INDEX program_enrolment_decree_idx ON program_enrolment (decree_id) WHERE decree_id IS NOT NULL;
CREATE UNIQUE INDEX program_enrolment_replaces_idx ON program_enrolment (replaces_id) WHERE replaces_id IS NOT NULL;

CREATE TABLE enrolment_change (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrolment_id   uuid NOT NULL REFERENCES program_enrolment (id),
  program_id     uuid NOT NULL REFERENCES program (id),
  action         text NOT NULL CHECK (action IN ('verify', 'reject', 'decree', 'serve', 'finish', 'stop', 'cancel', 'replace', 'replacement')),
  from_status    text,
  to_status      text NOT NULL,
  reason         text,
  note           text,
  -- A change to an enrolment fixed by a decree: only through this explicit path, with its reason.
  post_decree    boolean NOT NULL DEFAULT false,
  decree_id      uuid REFERENCES program_decree (id),
  -- For 'replace' (on the replaced enrolment) and 'replacement' (on the new one): the other side.
  related_id     uuid REFERENCES program_enrolment (id),
  field_date     date,
  user_id        uuid REFERENCES app_user (id),
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enrolment_change_enrolment_idx ON enrolment_change (enrolment_id, id);
CREATE INDEX enrolment_change_program_idx ON enrolment_change (program_id, at DESC);

CREATE FUNCTION enrolment_change_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'enrolment_change is append-only';
END;
$$;
CREATE TRIGGER enrolment_change_no_update BEFORE UPDATE OR DELETE ON enrolment_change
  FOR EACH ROW EXECUTE FUNCTION enrolment_change_immutable();

-- The decree fixes its list: a decreed enrolment keeps its program, family and decree, moves only along
-- in_decree → served → finished | stopped, or in_decree → cancelled, and a cancellation or stop needs a post-decree
-- change row with the reason written in the same transaction. The service checks all this first with clear errors;
-- the trigger keeps any other writer (scripts, later modules) to the same rule.
CREATE FUNCTION program_enrolment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.decree_id IS NOT NULL THEN
      RAISE EXCEPTION 'enrolment % is fixed by a decree and cannot be deleted', OLD.id;
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.program_id <> OLD.program_id OR NEW.family_id <> OLD.family_id THEN
    RAISE EXCEPTION 'an enrolment keeps its program and family';
  END IF;
  IF OLD.decree_id IS NULL THEN
    RETURN NEW;
  END IF;
  IF NEW.decree_id IS DISTINCT FROM OLD.decree_id THEN
    RAISE EXCEPTION 'enrolment % is fixed by a decree', OLD.id;
  END IF;
  IF NEW.status <> OLD.status THEN
    IF NOT ((OLD.status = 'in_decree' AND NEW.status IN ('served', 'cancelled'))
         OR (OLD.status = 'served' AND NEW.status IN ('finished', 'stopped'))) THEN
      RAISE EXCEPTION 'enrolment % cannot go from % to % after the decree', OLD.id, OLD.status, NEW.status;
    END IF;
    IF NEW.status IN ('cancelled', 'stopped') AND NOT EXISTS (
      SELECT 1 FROM enrolment_change c
       WHERE c.enrolment_id = OLD.id AND c.post_decree AND c.to_status = NEW.status AND c.at = now()
    ) THEN
      RAISE EXCEPTION 'enrolment % is fixed by a decree: % needs a post-decree change with its reason', OLD.id, NEW.status;
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER program_enrolment_guard BEFORE UPDATE OR DELETE ON program_enrolment
  FOR EACH ROW EXECUTE FUNCTION program_enrolment_guard();

CREATE FUNCTION program_enrolment_received_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.received_on := CASE
    WHEN NEW.served_at IS NOT NULL THEN NEW.served_at::date
    WHEN NEW.decree_id IS NOT NULL THEN (SELECT d.decree_date FROM program_decree d WHERE d.id = NEW.decree_id)
  END;
  RETURN NEW;
END;
$$;
CREATE TRIGGER program_enrolment_received_on BEFORE INSERT OR UPDATE ON program_enrolment
  FOR EACH ROW EXECUTE FUNCTION program_enrolment_received_on();

-- Eligibility rules look at the head of family (age, sex) and at members with a disability in nearly every program;
-- these let the compiled rules answer from small indexes instead of the member table.
CREATE INDEX member_head_idx ON member (family_id) INCLUDE (birth_date, sex) WHERE relation = 1;
CREATE INDEX member_disabled_idx ON member (family_id) WHERE cardinality(disabilities) > 0;
