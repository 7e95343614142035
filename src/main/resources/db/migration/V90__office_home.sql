-- The office's home page (issue 12 item 3) asks each feature one bounded question; these indexes keep
-- each answer to the rows it shows, with 100,000 pupils and 10,000 visits in the database.

-- Visit requests waiting at a school (authorisation, the weekly list, risk assessment and planning).
CREATE INDEX visit_school_status ON visit (school_id, status, requested_at);

-- Absence cases found from their open tasks (the task knows its process instance, not the case).
CREATE INDEX absence_case_process ON absence_case (process_instance_id);

-- Letters and notices the office prints and posts: waiting until someone says they are posted.
ALTER TABLE document ADD COLUMN posted_at TIMESTAMP;
ALTER TABLE document ADD COLUMN posted_by VARCHAR(64);
CREATE INDEX document_to_post ON document (posted_at, created_at);
