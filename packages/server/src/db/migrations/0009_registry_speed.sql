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
