-- A day the school is closed says why in words (reason) and as one of SchoolCalendar.Kind: half-term,
-- INSET day, bank holiday or another closure. Days recorded before are closures.
ALTER TABLE school_closure ADD COLUMN kind VARCHAR(20) DEFAULT 'CLOSURE' NOT NULL;
