-- A member of staff who left (missing from a full staff import, or marked as a leaver) keeps their
-- record, so visits, check-ins and the audit trail still name them; their account is deactivated.
ALTER TABLE staff ADD COLUMN left_on DATE;
