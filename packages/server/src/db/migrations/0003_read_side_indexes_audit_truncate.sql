-- Short names are compared without case: "DINSOS" and "Dinsos" are the same agency.
CREATE UNIQUE INDEX agency_short_name_lower_idx ON agency (lower(short_name));

-- The registry's default list (by head name, paged) reads this index instead of sorting every family.
CREATE INDEX family_head_name_idx ON family (head_name, id);

-- Partner lists filter by owning agency.
CREATE INDEX partner_agency_idx ON partner (agency_id);

-- Row triggers do not fire on TRUNCATE; refuse it too, so the trail cannot be emptied in one statement.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();
