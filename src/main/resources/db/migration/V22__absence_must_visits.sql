-- Issue 10 item 8: visits the policy says "must" happen (triggers.mustVisits, Burgh 6.3 / App. A Day 6).
-- A must duty is raised as numbered attempts (action key MANDATORY_VISIT#1, #2, ...): an attempt is open
-- until its visit ended without the child seen (and, where it was rejected or cancelled, the DSL decided);
-- then unmet_on is set and the next evaluation raises the next attempt while the child is still unseen.
ALTER TABLE absence_action ADD COLUMN must_duty BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE absence_action ADD COLUMN unmet_on DATE;
CREATE INDEX absence_action_visit ON absence_action (visit_reference);

-- Visits requested directly (POST /api/visits) at a school with a weekly list wait on it too: such an
-- entry has the visit's reference from the start and no ladder action; a must visit started at once is
-- listed afterwards for the record.
ALTER TABLE visit_list_entry ALTER COLUMN action_id DROP NOT NULL;

-- What a direct request said beyond the visit row, so that the visit starts as asked once the list is signed.
ALTER TABLE visit ADD COLUMN requested_announced BOOLEAN;
ALTER TABLE visit ADD COLUMN requested_has_social_worker BOOLEAN;
