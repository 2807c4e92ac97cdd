-- Cross-program views: pairs of program kinds that one family should not receive together (e.g. two business-capital
-- programs in one year). Bappeda's admin edits them; the defaults below follow common regional practice.
CREATE TABLE program_conflict_rule (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind_a      text NOT NULL CHECK (kind_a IN ('cash_transfer', 'food_aid', 'business_package', 'training', 'house_renovation',
                                              'sanitation', 'clean_water', 'conditional_cash', 'mentoring', 'other')),
  kind_b      text NOT NULL CHECK (kind_b IN ('cash_transfer', 'food_aid', 'business_package', 'training', 'house_renovation',
                                              'sanitation', 'clean_water', 'conditional_cash', 'mentoring', 'other')),
  -- 'same_year': both received in one calendar year; 'ever': at any time.
  period      text NOT NULL DEFAULT 'same_year' CHECK (period IN ('same_year', 'ever')),
  note        text,
  created_by  uuid REFERENCES app_user (id),
  updated_by  uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  -- A pair is stored once, its kinds in order.
  CHECK (kind_a <= kind_b),
  UNIQUE (kind_a, kind_b)
);

INSERT INTO program_conflict_rule (kind_a, kind_b, period, note) VALUES
  ('business_package', 'business_package', 'same_year', 'Dua bantuan modal/paket usaha dalam satu tahun.'),
  ('house_renovation', 'house_renovation', 'ever', 'Rumah yang sudah dibedah tidak dibedah lagi oleh program lain.'),
  ('cash_transfer', 'conditional_cash', 'same_year', 'BLT (mis. BLT Dana Desa) tidak untuk keluarga penerima PKH pada tahun yang sama.'),
  ('cash_transfer', 'food_aid', 'same_year', 'BLT (mis. BLT Dana Desa) tidak untuk keluarga penerima sembako/BPNT pada tahun yang sama.');


-- Live preview counts and targeting runs at a million families: nearly every poverty rule bounds the desil, and many
-- the business status. Carrying id, places and member_count lets a count read this index alone (no heap), and lets a
-- run's registry count (families and current members in scope) skip the wide family rows.
CREATE INDEX family_desil_status_cover_idx ON family (desil_national, business_status, kecamatan_code) INCLUDE (id, village_code, member_count);
