-- Registry import: batches, per-row results, saved column mappings, change history, and staging for set-based merges.

CREATE TABLE import_batch (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Display name: the uploaded file, or the files joined when families and members came as two files.
  file_name          text NOT NULL,
  -- [{name, path (relative to DATA_DIR, e.g. imports/<id>/families.csv), size, sha256, format: csv|xlsx, encoding}]
  files              jsonb NOT NULL,
  file_size          bigint NOT NULL,
  file_sha256        text NOT NULL,
  -- [{name, file, headers, rowsTotal, sample, kind, rowsProcessed, lastRowNumber, done}] in reading order.
  sheets             jsonb NOT NULL DEFAULT '[]',
  -- {sheetName: ColumnMapping | null}; null leaves a sheet out of the import.
  mapping            jsonb,
  template_id        text,
  status             text NOT NULL DEFAULT 'uploaded'
                     CHECK (status IN ('uploaded', 'mapped', 'running', 'done', 'failed', 'paused')),
  rows_total         integer,
  -- Rows with a recorded result; with each sheet's lastRowNumber it is where a resumed import continues.
  rows_processed     integer NOT NULL DEFAULT 0,
  families_added     integer NOT NULL DEFAULT 0,
  families_updated   integer NOT NULL DEFAULT 0,
  families_unchanged integer NOT NULL DEFAULT 0,
  families_rejected  integer NOT NULL DEFAULT 0,
  members_added      integer NOT NULL DEFAULT 0,
  members_updated    integer NOT NULL DEFAULT 0,
  members_unchanged  integer NOT NULL DEFAULT 0,
  members_rejected   integer NOT NULL DEFAULT 0,
  -- The uploader's region scope when the batch was made; rows outside it are rejected even on resume by someone else.
  scope_codes        text[] NOT NULL DEFAULT '{}',
  created_by         uuid REFERENCES app_user (id),
  agency_id          uuid REFERENCES agency (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  started_at         timestamptz,
  finished_at        timestamptz,
  -- {id, en} reason when the batch failed or paused.
  error              jsonb
);
CREATE INDEX import_batch_created_idx ON import_batch (created_at DESC);
CREATE INDEX import_batch_status_idx ON import_batch (status) WHERE status IN ('running', 'paused');

-- One result per row and entity: a combined sheet row carries a member and, where its family first appears, a family.
-- The key makes a resumed import unable to record a row twice.
CREATE TABLE import_row_result (
  batch_id   uuid NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  sheet      text NOT NULL,
  row_number integer NOT NULL,
  entity     text NOT NULL CHECK (entity IN ('family', 'member')),
  key        text,       -- NIK of a member, No KK of a family, as normalised (or as read when unreadable)
  no_kk      text,       -- the family a member row points at
  outcome    text NOT NULL CHECK (outcome IN ('added', 'updated', 'unchanged', 'rejected')),
  issues     jsonb NOT NULL DEFAULT '[]',
  -- The row as read, kept for rejected rows only, so that the report can be corrected and imported again.
  raw        jsonb,
  PRIMARY KEY (batch_id, sheet, row_number, entity)
);
-- Finds an earlier row of the same batch with the same NIK or No KK (exact duplicates inside the file).
CREATE INDEX import_row_result_key_idx ON import_row_result (batch_id, entity, key);

CREATE TABLE import_template (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  sheet_kind  text NOT NULL CHECK (sheet_kind IN ('family', 'member', 'combined')),
  mapping     jsonb NOT NULL,
  created_by  uuid REFERENCES app_user (id),
  agency_id   uuid REFERENCES agency (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_template_agency_idx ON import_template (agency_id);

-- What changed in a family or member, field by field ({field: [old, new]}), by whom and from which import or edit.
CREATE TABLE registry_change (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity     text NOT NULL CHECK (entity IN ('family', 'member')),
  entity_id  uuid NOT NULL,
  -- The family the change belongs to on the profile (a member's family at the time of the change).
  family_id  uuid,
  changes    jsonb NOT NULL,
  source     text NOT NULL CHECK (source IN ('import', 'edit', 'merge')),
  batch_id   uuid REFERENCES import_batch (id),
  user_id    uuid REFERENCES app_user (id),
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_change_entity_idx ON registry_change (entity, entity_id, at DESC);
CREATE INDEX registry_change_family_idx ON registry_change (family_id, at DESC);
CREATE INDEX registry_change_batch_idx ON registry_change (batch_id) WHERE batch_id IS NOT NULL;

-- DTSEN asks about a business per person (kepemilikan_usaha, omzet_usaha_utama); the family's business rolls up from them.
ALTER TABLE member ADD COLUMN business_owner boolean, ADD COLUMN business_turnover bigint;

-- Staging: one import chunk is COPY'd here, merged in one transaction, then deleted in that same transaction.
-- UNLOGGED: nothing here needs to survive a crash; a resumed batch clears its leftovers first.
CREATE UNLOGGED TABLE import_stage_family (
  batch_id          uuid NOT NULL,
  chunk_no          integer NOT NULL,
  row_number        integer NOT NULL,
  no_kk             text NOT NULL,
  village_code      text NOT NULL,
  address           text,
  rt                text,
  rw                text,
  dusun             text,
  head_name         text,
  member_count      smallint,
  desil_national    smallint,
  desil_province    smallint,
  desil_regency     smallint,
  house_ownership   smallint,
  floor_type        smallint,
  wall_type         smallint,
  roof_type         smallint,
  water_source      smallint,
  lighting          smallint,
  power_va          integer,
  cooking_fuel      smallint,
  toilet            smallint,
  floor_area_m2     numeric(7, 1),
  assets            text[] NOT NULL DEFAULT '{}',
  business_status   text NOT NULL DEFAULT 'none',
  business_sector   text,
  business_turnover bigint,
  data_date         date
);
CREATE INDEX import_stage_family_chunk_idx ON import_stage_family (batch_id, chunk_no);

CREATE UNLOGGED TABLE import_stage_member (
  batch_id        uuid NOT NULL,
  chunk_no        integer NOT NULL,
  row_number      integer NOT NULL,
  nik             text NOT NULL,
  no_kk           text NOT NULL,
  name            text NOT NULL,
  birth_date      date,
  sex             text,
  relation        smallint,
  marital_status  smallint,
  schooling       smallint,
  education       smallint,
  work_status     smallint,
  work_sector     text,
  disabilities    text[] NOT NULL DEFAULT '{}',
  chronic_illness text,
  ppks            text[] NOT NULL DEFAULT '{}',
  special_status  text[] NOT NULL DEFAULT '{}',
  business_owner  boolean,
  business_turnover bigint
);
CREATE INDEX import_stage_member_chunk_idx ON import_stage_member (batch_id, chunk_no);
