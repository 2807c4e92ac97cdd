-- The RTLH pre-score of each family's house from its registry variables, stored so that the renovation candidate list
-- reads it from an index instead of scoring the whole registry per request. A generated column is kept current by
-- PostgreSQL itself on every write (INSERT, UPDATE, the import's merge, COPY of the import and the seed, restore), at
-- the cost of one expression per written row.
--
-- It is `criteriaFromRegistry` + `rtlhScore` of packages/domain/src/renovation/rtlh.ts written in SQL: the domain is
-- the source of truth, and modules/renovation/candidate-score.test.ts proves both agree on generated houses. A change
-- of codes or weights there fails that test until a new migration re-creates this column.
-- Crowded: `a / m < 9` is written `a < 9 * m` (the same for m > 0), so that no division by zero is ever evaluated.
ALTER TABLE family ADD COLUMN rtlh_score smallint GENERATED ALWAYS AS ((
    CASE WHEN roof_type IN (5, 6, 7) THEN 20 ELSE 0 END
  + CASE WHEN wall_type IN (4, 5, 6) THEN 20 ELSE 0 END
  + CASE WHEN floor_type IN (5, 7, 8) THEN 15 ELSE 0 END
  + CASE WHEN floor_area_m2 <> 0 AND member_count > 0 AND floor_area_m2 < 9 * member_count THEN 15 ELSE 0 END
  + CASE WHEN toilet IN (5, 6) THEN 10 ELSE 0 END
  + CASE WHEN water_source IN (6, 8, 9, 10) THEN 10 ELSE 0 END
  + CASE WHEN lighting IN (4) THEN 5 ELSE 0 END
)::smallint) STORED;

-- The candidate list: worst houses first, then the poorest, within a kecamatan (operators of a kecamatan, the
-- kecamatan filter) or across the jurisdiction. A house scoring 0 meets no criterion and is nobody's candidate.
CREATE INDEX family_rtlh_kecamatan_idx ON family (kecamatan_code, rtlh_score DESC, desil_national, no_kk) WHERE rtlh_score > 0;
CREATE INDEX family_rtlh_idx ON family (rtlh_score DESC, desil_national, no_kk) WHERE rtlh_score > 0;
