package org.doorstep.trigger;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DfE attendance and absence codes in force from August 2024 (Working together to improve
 * school attendance, 2024; the Education (Pupil Registration) (England) Regulations 2024), with how
 * each counts: present, approved educational activity, authorised, unauthorised, or not counted.
 */
public enum AttendanceCode {
    PRESENT_AM("/", Category.PRESENT, true, "Present (AM)"),
    PRESENT_PM("\\", Category.PRESENT, true, "Present (PM)"),
    LATE("L", Category.PRESENT, true, "Late arrival before the register closed"),
    LA_PROVISION("K", Category.APPROVED_ACTIVITY, true, "Attending education provision arranged by the local authority"),
    EDUCATIONAL_VISIT("V", Category.APPROVED_ACTIVITY, true, "Attending an educational visit or trip"),
    SPORTING_ACTIVITY("P", Category.APPROVED_ACTIVITY, true, "Participating in a sporting activity"),
    WORK_EXPERIENCE("W", Category.APPROVED_ACTIVITY, true, "Attending work experience"),
    OTHER_APPROVED_ACTIVITY("B", Category.APPROVED_ACTIVITY, true, "Attending any other approved educational activity"),
    DUAL_REGISTERED("D", Category.NOT_COUNTED, false, "Dual registered: attending the other school"),
    PERFORMANCE("C1", Category.AUTHORISED, false, "Leave of absence: regulated performance or employment abroad"),
    MEDICAL("M", Category.AUTHORISED, false, "Leave of absence: medical or dental appointment"),
    INTERVIEW("J1", Category.AUTHORISED, false, "Leave of absence: interview"),
    STUDY_LEAVE("S", Category.AUTHORISED, false, "Leave of absence: studying for a public examination"),
    PART_TIME_TIMETABLE("C2", Category.AUTHORISED, false, "Leave of absence: part-time timetable"),
    EXCEPTIONAL_LEAVE("C", Category.AUTHORISED, false, "Leave of absence: exceptional circumstances"),
    SUSPENDED("E", Category.AUTHORISED, false, "Suspended or permanently excluded, no alternative provision"),
    ILLNESS("I", Category.AUTHORISED, false, "Illness (not medical or dental appointment)"),
    RELIGIOUS_OBSERVANCE("R", Category.AUTHORISED, false, "Religious observance"),
    TRAVELLER("T", Category.AUTHORISED, false, "Parent travelling for occupational purposes"),
    HOLIDAY_NOT_AUTHORISED("G", Category.UNAUTHORISED, false, "Holiday not granted by the school"),
    NOT_YET_ESTABLISHED("N", Category.UNAUTHORISED, false, "Reason for absence not yet established"),
    OTHER_UNAUTHORISED("O", Category.UNAUTHORISED, false, "Absent in other or unknown circumstances"),
    LATE_AFTER_CLOSE("U", Category.UNAUTHORISED, true, "Arrived after the register closed"),
    NOT_COMPULSORY("X", Category.NOT_COUNTED, false, "Non-compulsory school age, not required to attend"),
    NOT_ON_ROLL("Z", Category.NOT_COUNTED, false, "Prospective pupil not on the admission register"),
    SCHOOL_CLOSED("#", Category.NOT_COUNTED, false, "Planned whole or partial school closure"),
    NO_ACCESS_ARRANGEMENTS("Q", Category.NOT_COUNTED, false, "Unable to attend: lack of access arrangements"),
    NO_TRANSPORT("Y1", Category.NOT_COUNTED, false, "Unable to attend: transport normally provided not available"),
    TRAVEL_DISRUPTION("Y2", Category.NOT_COUNTED, false, "Unable to attend: widespread disruption to travel"),
    PART_PREMISES_CLOSED("Y3", Category.NOT_COUNTED, false, "Unable to attend: part of the school premises closed"),
    SITE_CLOSED("Y4", Category.NOT_COUNTED, false, "Unable to attend: whole school site unexpectedly closed"),
    DETENTION("Y5", Category.NOT_COUNTED, false, "Unable to attend: criminal justice detention"),
    PUBLIC_HEALTH("Y6", Category.NOT_COUNTED, false, "Unable to attend: public health guidance or law"),
    UNAVOIDABLE("Y7", Category.NOT_COUNTED, false, "Unable to attend: any other unavoidable cause"),
    /** The pre-2024 single code, still found in registers exported from older systems. */
    EXCEPTIONAL_CIRCUMSTANCES_LEGACY("Y", Category.NOT_COUNTED, false, "Unable to attend: exceptional circumstances (pre-2024 code)");

    /** How a mark counts. The letter is what the attendance_mark table stores. */
    public enum Category {
        PRESENT('P'), APPROVED_ACTIVITY('E'), AUTHORISED('A'), UNAUTHORISED('U'), NOT_COUNTED('X');

        private final char letter;

        Category(char letter) {
            this.letter = letter;
        }

        public String letter() {
            return String.valueOf(letter);
        }

        /** A possible session in the attendance figures. */
        public boolean counted() {
            return this != NOT_COUNTED;
        }

        public boolean attended() {
            return this == PRESENT || this == APPROVED_ACTIVITY;
        }

        public boolean absent() {
            return this == AUTHORISED || this == UNAUTHORISED;
        }
    }

    private static final Map<String, AttendanceCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toMap(AttendanceCode::code, Function.identity()));

    private final String code;
    private final Category category;
    private final boolean seen;
    private final String meaning;

    AttendanceCode(String code, Category category, boolean seen, String meaning) {
        this.code = code;
        this.category = category;
        this.seen = seen;
        this.meaning = meaning;
    }

    public static Optional<AttendanceCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public String code() {
        return code;
    }

    public Category category() {
        return category;
    }

    /**
     * Whether staff or a verified professional saw the child in that session: present codes, approved
     * educational activities (supervised), and U (late after the register closed, but there).
     */
    public boolean seen() {
        return seen;
    }

    public String meaning() {
        return meaning;
    }
}
