package org.doorstep.retention;

/**
 * Every kind of record Doorstep keeps about a pupil, and the rule that says when it goes: declared once
 * here, read by the review list, the destruction and docs/retention.md.
 */
enum RecordKind {

    /**
     * IRMS Information Management Toolkit for Schools: child-protection files, the child's date of
     * birth plus 25 years, then review.
     */
    SAFEGUARDING_NOTE("Safeguarding notes", Rule.CHILD_PROTECTION),
    /** Referrals (social care, police welfare checks, missing education) and the DSL's decisions on them: as above. */
    REFERRAL("Referrals and the DSL's decisions", Rule.CHILD_PROTECTION),
    /**
     * School Attendance (Pupil Registration) (England) Regulations 2024: every entry of the attendance
     * register is kept for six years from the date it was made.
     */
    ATTENDANCE_MARK("Attendance register entries", Rule.REGISTER),
    /**
     * A home visit with its notes, documents, risk assessment, safety watch, check-ins and process
     * history: the school's period after it ended. One holding a safeguarding note or a DSL's step is a
     * child-protection record and stays, whole, to the 25th birthday.
     */
    VISIT("Home visits", Rule.SCHOOL_SET),
    /** An absence case with its actions, contact attempts and process history: as a visit, after it closed. */
    ABSENCE_CASE("Absence cases", Rule.SCHOOL_SET),
    /**
     * The pupil, contacts, flags and import history: last, once nothing else of theirs remains, the
     * school's period after leaving and never before the 25th birthday (IRMS: the pupil's file).
     */
    PUPIL("Pupil records and contacts", Rule.SCHOOL_SET);

    enum Rule {
        CHILD_PROTECTION("To the pupil's 25th birthday (IRMS Toolkit for Schools)"),
        REGISTER("6 years from the entry (School Attendance (Pupil Registration) (England) Regulations 2024)"),
        SCHOOL_SET("As the school sets in its policy profile (retention)");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final String label;
    private final Rule rule;

    RecordKind(String label, Rule rule) {
        this.label = label;
        this.rule = rule;
    }

    String label() {
        return label;
    }

    Rule rule() {
        return rule;
    }
}
