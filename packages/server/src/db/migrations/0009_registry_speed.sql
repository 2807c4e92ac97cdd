-- Registry speed: a staged record carries its row's sheet and warnings (its result is recorded from it, with the
-- outcome of the merge) and what the checks already looked up: whether the key was new (a new family comes with the id
-- its new members already point at), and the member's family id. The preview's sample rows live apart from `sheets`,
-- which the import rewrites after every chunk.
ALTER TABLE import_stage_family
  ADD COLUMN sheet text NOT NULL DEFAULT '', ADD COLUMN issues jsonb NOT NULL DEFAULT '[]', ADD COLUMN is_new boolean NOT NULL DEFAULT false,
  ADD COLUMN id uuid;
ALTER TABLE import_stage_member
  ADD COLUMN sheet text NOT NULL DEFAULT '', ADD COLUMN issues jsonb NOT NULL DEFAULT '[]', ADD COLUMN is_new boolean NOT NULL DEFAULT false,
  ADD COLUMN family_hint uuid;

-- {sheetName: [{rowNumber, cellCount, incomplete, raw}]}, written once at upload.
ALTER TABLE import_batch ADD COLUMN samples jsonb NOT NULL DEFAULT '{}';
UPDATE import_batch SET
  samples = (SELECT coalesce(jsonb_object_agg(s ->> 'name', coalesce(s -> 'sample', '[]')), '{}') FROM jsonb_array_elements(sheets) s),
  sheets = (SELECT coalesce(jsonb_agg(s - 'sample' ORDER BY i), '[]') FROM jsonb_array_elements(sheets) WITH ORDINALITY AS e(s, i))
WHERE jsonb_typeof(sheets) = 'array' AND jsonb_array_length(sheets) > 0;

-- Row results are written only by the import engine, for its own batch, inside the chunk's transaction; checking the
-- batch again for each of millions of rows cost about a tenth of an import's database time. (Batches are not deleted.)
ALTER TABLE import_row_result DROP CONSTRAINT import_row_result_batch_id_fkey;

-- Registry lists at a million families: a kecamatan's families in head-name order (the default order, and what a
-- kecamatan-scoped operator always sees) read from one index; the desil and business-status filters, and the
-- bounded count of a filtered list, are answered from the index on kecamatan, desil and status without the table.
CREATE INDEX family_kecamatan_head_name_idx ON family (kecamatan_code, head_name, id);
DROP INDEX family_kecamatan_desil_idx;
CREATE INDEX family_kecamatan_desil_status_idx ON family (kecamatan_code, desil_national, business_status);

-- Name search at a million families. Every distinct name of a head or member, once: the typo-tolerant trigram match
-- runs over these few hundred thousand names instead of millions of people, and the families are then reached
-- through plain indexes on the exact names. Statement triggers keep the list complete as rows are added or renamed
-- (a name nobody carries any more stays, and simply finds no one). This replaces the trigram indexes on family and
-- member names, whose upkeep was the costliest part of loading people.
CREATE TABLE registry_name (
  name text PRIMARY KEY
);
CREATE INDEX registry_name_trgm_idx ON registry_name USING gin (name gin_trgm_ops);
CREATE INDEX member_name_idx ON member (name, family_id);
DROP INDEX member_name_trgm_idx;
DROP INDEX family_head_name_trgm_idx;

INSERT INTO registry_name (name)
SELECT name FROM member UNION SELECT head_name FROM family WHERE head_name IS NOT NULL
ON CONFLICT DO NOTHING;

CREATE FUNCTION registry_names_of_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO registry_name (name) SELECT DISTINCT name FROM changed_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE FUNCTION registry_names_of_heads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO registry_name (name) SELECT DISTINCT head_name FROM changed_rows WHERE head_name IS NOT NULL ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER member_names_added AFTER INSERT ON member REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_names_of_members();
CREATE TRIGGER member_names_changed AFTER UPDATE ON member REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_names_of_members();
CREATE TRIGGER family_head_names_added AFTER INSERT ON family REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_names_of_heads();
CREATE TRIGGER family_head_names_changed AFTER UPDATE ON family REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_names_of_heads();
