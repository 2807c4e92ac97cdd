-- Views of a family's records kept by other modules (house photos, hand-over proofs, renovation files) name the family
-- in details.familyId; the data subject's access report (UU PDP) finds them through this index.
CREATE INDEX audit_log_family_idx ON audit_log ((details ->> 'familyId')) WHERE details ? 'familyId';
