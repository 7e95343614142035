-- Visit references (HV-<prefix>-<number>) come from one counter per school, advanced with an UPDATE so
-- that concurrent requests queue on the school's row instead of counting visits and colliding.
-- The prefix is unique, so two schools whose ids start alike never share references.
CREATE TABLE school_reference_sequence (
    school_id   VARCHAR(64) PRIMARY KEY REFERENCES school (id),
    prefix      VARCHAR(20) NOT NULL UNIQUE,
    next_value  BIGINT      NOT NULL
);
