-- House renovation (bedah rumah, RTLH): houses in the pipeline with their RTLH assessment, stage history, funding from
-- several sources and partners, progress reports, photos, and the yearly targets per jurisdiction and kecamatan.

CREATE TABLE renovation_house (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id          uuid NOT NULL REFERENCES family (id),
  -- Where the house stands when proposed; a family that moves later does not move its house.
  village_code       text NOT NULL REFERENCES region (code),
  kecamatan_code     text GENERATED ALWAYS AS (left(village_code, 8)) STORED,
  address            text,
  agency_id          uuid NOT NULL REFERENCES agency (id),
  -- The budget year the house counts toward.
  year               smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  stage              text NOT NULL DEFAULT 'proposed'
                     CHECK (stage IN ('proposed', 'assessed', 'verified', 'scheduled', 'in_progress', 'completed', 'rejected')),
  source             text NOT NULL CHECK (source IN ('registry', 'village')),
  proposer           text,
  proposal_note      text,
  -- {roof, wall, floor, crowded, sanitation, water, ventilation, electricity}: booleans of the field assessment.
  criteria           jsonb,
  score              smallint CHECK (score BETWEEN 0 AND 100),
  floor_area_m2      numeric(7, 1),
  occupants          smallint,
  assessed_on        date,
  assessment_note    text,
  verified_on        date,
  verification_note  text,
  planned_start      date,
  planned_end        date,
  budget             bigint CHECK (budget >= 0),
  progress           smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  started_on         date,
  completed_on       date,
  handover_on        date,
  completion_note    text,
  rejected_reason    text,
  version            integer NOT NULL DEFAULT 1,
  created_by         uuid REFERENCES app_user (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX renovation_house_year_stage_idx ON renovation_house (year, stage);
CREATE INDEX renovation_house_kecamatan_idx ON renovation_house (kecamatan_code, year);
CREATE INDEX renovation_house_family_idx ON renovation_house (family_id);
-- A family has at most one house moving through the pipeline at a time.
CREATE UNIQUE INDEX renovation_house_open_family_idx ON renovation_house (family_id) WHERE stage NOT IN ('completed', 'rejected');

CREATE TABLE renovation_stage_change (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  house_id    uuid NOT NULL REFERENCES renovation_house (id) ON DELETE CASCADE,
  from_stage  text,
  to_stage    text NOT NULL,
  note        text,
  user_id     uuid REFERENCES app_user (id),
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX renovation_stage_change_house_idx ON renovation_stage_change (house_id, at);

CREATE TABLE renovation_funding (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  house_id        uuid NOT NULL REFERENCES renovation_house (id) ON DELETE CASCADE,
  source          text NOT NULL CHECK (source IN ('apbd', 'apbn', 'dana_desa', 'csr', 'community', 'other')),
  partner_id      uuid REFERENCES partner (id),
  form            text NOT NULL CHECK (form IN ('money', 'materials', 'labour')),
  -- Rupiah; materials and labour at their estimated value.
  value           bigint NOT NULL CHECK (value > 0),
  description     text,
  contributed_on  date NOT NULL,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX renovation_funding_house_idx ON renovation_funding (house_id);
CREATE INDEX renovation_funding_partner_idx ON renovation_funding (partner_id);

CREATE TABLE renovation_progress (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  house_id     uuid NOT NULL REFERENCES renovation_house (id) ON DELETE CASCADE,
  percent      smallint NOT NULL CHECK (percent BETWEEN 0 AND 100),
  recorded_on  date NOT NULL,
  note         text,
  created_by   uuid REFERENCES app_user (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX renovation_progress_house_idx ON renovation_progress (house_id, recorded_on);

CREATE TABLE renovation_photo (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  house_id     uuid NOT NULL REFERENCES renovation_house (id) ON DELETE CASCADE,
  progress_id  uuid REFERENCES renovation_progress (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('assessment', 'progress', 'before', 'after', 'handover')),
  -- Relative to UPLOAD_DIR; re-encoded JPEG, at most 1600 px on its long side.
  file_path    text NOT NULL,
  file_name    text NOT NULL,
  mime         text NOT NULL,
  size         integer NOT NULL,
  width        integer NOT NULL,
  height       integer NOT NULL,
  sha256       text NOT NULL,
  -- The camera's wall-clock time from EXIF ('YYYY-MM-DDTHH:MM:SS', no zone: phones do not record one reliably).
  taken_at     text,
  caption      text,
  created_by   uuid REFERENCES app_user (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX renovation_photo_house_idx ON renovation_photo (house_id);

CREATE TABLE renovation_target (
  year        smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  units       integer NOT NULL CHECK (units >= 0),
  updated_by  uuid REFERENCES app_user (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE renovation_target_kecamatan (
  year            smallint NOT NULL REFERENCES renovation_target (year) ON DELETE CASCADE,
  kecamatan_code  text NOT NULL REFERENCES region (code),
  units           integer NOT NULL CHECK (units >= 0),
  PRIMARY KEY (year, kecamatan_code)
);
