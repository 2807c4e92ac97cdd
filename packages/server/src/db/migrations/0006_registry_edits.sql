-- Registry edits: members who died or left stay on record (with their history) but no longer count as current members.
ALTER TABLE member ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deceased', 'left'));

-- Why a membership ended: moved to another family card, died, or left (moved away). NULL while open or when unknown.
ALTER TABLE family_membership ADD COLUMN end_reason text CHECK (end_reason IN ('moved', 'deceased', 'left'));
