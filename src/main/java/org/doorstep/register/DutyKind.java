package org.doorstep.register;

/** The register duties Doorstep keeps, each with the rule it comes from (docs/register-duties.md). */
public enum DutyKind {
    N_REASON("Find the reason for an N",
            "School Attendance (Pupil Registration) (England) Regulations 2024, reg. 10 Table 3: code N must be amended within five school days"),
    NEW_PUPIL_RETURN("Notify the local authority of a new pupil",
            "School Attendance (Pupil Registration) (England) Regulations 2024, reg. 13(1); Children missing education (August 2024)"),
    DELETION_CONTINUOUS_ABSENCE("Decide on deletion: 20 school days' continuous absence",
            "School Attendance (Pupil Registration) (England) Regulations 2024, reg. 9(1)(i)"),
    DELETION_NO_RETURN_FROM_LEAVE("Decide on deletion: not back from leave of absence",
            "School Attendance (Pupil Registration) (England) Regulations 2024, reg. 9(1): failure to return within 10 school days of the end of leave");

    private final String label;
    private final String source;

    DutyKind(String label, String source) {
        this.label = label;
        this.source = source;
    }

    public String label() {
        return label;
    }

    public String source() {
        return source;
    }
}
