-- Foundation: regions, agencies, partners, accounts, sessions, audit trail, registry core.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE region (
  code        text PRIMARY KEY,
  parent_code text REFERENCES region (code),
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  kind        text NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan')),
  name        text NOT NULL
);
CREATE INDEX region_parent_idx ON region (parent_code);

CREATE TABLE agency (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  short_name  text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('dinsos', 'disnaker', 'disperindagkop', 'pupr_perkim', 'dpmd', 'bappeda', 'other')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (short_name)
);

CREATE TABLE partner (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name           text NOT NULL,
  type           text NOT NULL CHECK (type IN ('lpk', 'community_forum', 'company_csr', 'prison', 'bank_cooperative', 'other')),
  agency_id      uuid REFERENCES agency (id),
  contact_person text,
  phone          text,
  email          text,
  address        text,
  region_code    text REFERENCES region (code),
  notes          text,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username             text NOT NULL,
  full_name            text NOT NULL,
  password_hash        text NOT NULL,
  role                 text NOT NULL CHECK (role IN ('admin', 'pimpinan', 'operator', 'pendamping')),
  agency_id            uuid NOT NULL REFERENCES agency (id),
  -- Region codes (kecamatan or desa) the user may reach; empty means the whole jurisdiction.
  scope_codes          text[] NOT NULL DEFAULT '{}',
  language             text NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  must_change_password boolean NOT NULL DEFAULT false,
  disabled_at          timestamptz,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username));

CREATE TABLE session (
  id           text PRIMARY KEY, -- sha256 of the cookie token; the token itself is never stored
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  ip           text,
  user_agent   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE audit_log (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  user_id    uuid,
  username   text,
  action     text NOT NULL,
  entity     text NOT NULL,
  entity_id  text,
  ip         text,
  details    jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- The audit trail is append-only: the database itself refuses edits and deletions.
CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

CREATE TABLE family (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  no_kk              text NOT NULL UNIQUE,
  village_code       text NOT NULL REFERENCES region (code),
  kecamatan_code     text GENERATED ALWAYS AS (left(village_code, 8)) STORED,
  address            text,
  rt                 text,
  rw                 text,
  dusun              text,
  head_name          text,
  member_count       smallint NOT NULL DEFAULT 0,
  desil_national     smallint CHECK (desil_national BETWEEN 1 AND 10),
  desil_province     smallint CHECK (desil_province BETWEEN 1 AND 10),
  desil_regency      smallint CHECK (desil_regency BETWEEN 1 AND 10),
  house_ownership    smallint,
  floor_type         smallint,
  wall_type          smallint,
  roof_type          smallint,
  water_source       smallint,
  lighting           smallint,
  power_va           integer,
  cooking_fuel       smallint,
  toilet             smallint,
  floor_area_m2      numeric(7, 1),
  assets             text[] NOT NULL DEFAULT '{}',
  business_status    text NOT NULL DEFAULT 'none' CHECK (business_status IN ('none', 'active', 'stalled')),
  business_sector    text,
  business_turnover  bigint,
  data_source        text NOT NULL DEFAULT 'manual',
  data_date          date,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_village_idx ON family (village_code);
CREATE INDEX family_kecamatan_desil_idx ON family (kecamatan_code, desil_national);
CREATE INDEX family_head_name_trgm_idx ON family USING gin (head_name gin_trgm_ops);

CREATE TABLE member (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nik              text NOT NULL UNIQUE,
  family_id        uuid NOT NULL REFERENCES family (id),
  name             text NOT NULL,
  birth_date       date,
  sex              text CHECK (sex IN ('L', 'P')),
  relation         smallint,
  marital_status   smallint,
  schooling        smallint,
  education        smallint,
  work_status      smallint,
  work_sector      text,
  disabilities     text[] NOT NULL DEFAULT '{}',
  chronic_illness  text,
  ppks             text[] NOT NULL DEFAULT '{}',
  special_status   text[] NOT NULL DEFAULT '{}',
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX member_family_idx ON member (family_id);
CREATE INDEX member_name_trgm_idx ON member USING gin (name gin_trgm_ops);

-- Who belonged to which family card when; a No KK is not a permanent key.
CREATE TABLE family_membership (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id   uuid NOT NULL REFERENCES member (id),
  family_id   uuid NOT NULL REFERENCES family (id),
  relation    smallint,
  start_date  date NOT NULL DEFAULT current_date,
  end_date    date
);
CREATE INDEX family_membership_member_idx ON family_membership (member_id);
CREATE INDEX family_membership_family_idx ON family_membership (family_id);

CREATE TABLE app_setting (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
