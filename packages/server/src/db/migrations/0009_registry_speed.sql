-- Registry speed: import row results go through staging with the records, so that one set-based statement per chunk
-- merges the records and records every row's outcome; the preview's sample rows live apart from `sheets`, which the
-- import rewrites after every chunk.

-- A staged record carries its row's sheet and warnings (its result is recorded from it, with the outcome of the merge)
-- and what the checks already looked up: whether the key was new, and the member's family id.
ALTER TABLE import_stage_family
  ADD COLUMN sheet text NOT NULL DEFAULT '', ADD COLUMN issues jsonb NOT NULL DEFAULT '[]', ADD COLUMN is_new boolean NOT NULL DEFAULT false;
ALTER TABLE import_stage_member
  ADD COLUMN sheet text NOT NULL DEFAULT '', ADD COLUMN issues jsonb NOT NULL DEFAULT '[]', ADD COLUMN is_new boolean NOT NULL DEFAULT false,
  ADD COLUMN family_hint uuid;

-- Rejected rows, staged with their reasons and the row as read.
CREATE UNLOGGED TABLE import_stage_result (
  batch_id   uuid NOT NULL,
  chunk_no   integer NOT NULL,
  sheet      text NOT NULL,
  row_number integer NOT NULL,
  entity     text NOT NULL,
  key        text,
  no_kk      text,
  issues     jsonb NOT NULL DEFAULT '[]',
  raw        jsonb
);
CREATE INDEX import_stage_result_chunk_idx ON import_stage_result (batch_id, chunk_no);

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
