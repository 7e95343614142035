package org.doorstep.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The register duties' rules with worked dates on one autumn term: 2 September to 18 December 2026,
 * half-term 26 to 30 October, an INSET day on Wednesday 11 November.
 */
class RegisterRulesTest {

    private static final LocalDate TERM_START = LocalDate.of(2026, 9, 2);
    private static final LocalDate TERM_END = LocalDate.of(2026, 12, 18);
    private static final Predicate<LocalDate> SCHOOL_DAY = day -> !day.isBefore(TERM_START) && !day.isAfter(TERM_END)
            && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
            && (day.isBefore(LocalDate.of(2026, 10, 26)) || day.isAfter(LocalDate.of(2026, 10, 30)))
            && !day.equals(LocalDate.of(2026, 11, 11));

    private static final RegisterRules.Enquiries BOTH = new RegisterRules.Enquiries(List.of("Tue 10 Nov 2026: home visit, no answer"),
            List.of("Thu 12 Nov 2026: CME officer checked the address"));

    @Test
    void anNMustBeReplacedByTheEndOfTheFifthSchoolDayAfterItNotCountingTheWeekend() {
        // N on Thursday 1 October: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8.
        LocalDate n = LocalDate.of(2026, 10, 1);
        assertThat(RegisterRules.reasonDeadline(SCHOOL_DAY, n)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(RegisterRules.reasonTaskDue(SCHOOL_DAY, n, LocalDate.of(2026, 10, 7))).as("Wednesday: one school day left").isFalse();
        assertThat(RegisterRules.reasonTaskDue(SCHOOL_DAY, n, LocalDate.of(2026, 10, 8))).as("Thursday, the deadline day").isTrue();
        assertThat(RegisterRules.reasonTaskDue(SCHOOL_DAY, n, LocalDate.of(2026, 10, 9))).as("a missed deadline stays due").isTrue();
    }

    @Test
    void theNDeadlineSkipsAWeekendAndAnInsetDay() {
        // N on Thursday 5 November: Fri 6, Mon 9, Tue 10, (INSET Wed 11), Thu 12, Fri 13.
        LocalDate n = LocalDate.of(2026, 11, 5);
        assertThat(RegisterRules.reasonDeadline(SCHOOL_DAY, n)).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(RegisterRules.reasonTaskDue(SCHOOL_DAY, n, LocalDate.of(2026, 11, 12))).isFalse();
    }

    @Test
    void theNDeadlineSkipsHalfTerm() {
        // N on Thursday 22 October: Fri 23, (half-term 26-30), Mon 2, Tue 3, Wed 4, Thu 5 November.
        assertThat(RegisterRules.reasonDeadline(SCHOOL_DAY, LocalDate.of(2026, 10, 22))).isEqualTo(LocalDate.of(2026, 11, 5));
    }

    @Test
    void theNewPupilReturnIsDueByTheEndOfTheFifthDayAfterEntryCountingEveryDay() {
        // Regulation 13(1) says days, not school days: the weekend counts.
        assertThat(RegisterRules.newPupilReturnDue(LocalDate.of(2026, 11, 4))).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(RegisterRules.newPupilReturnDue(LocalDate.of(2026, 10, 30))).as("entered in half-term").isEqualTo(LocalDate.of(2026, 11, 4));
    }

    @Test
    void twentySchoolDaysOfGNOAbsenceSpanningHalfTermWithJointEnquiriesMeetGroundI() {
        // Mon 12 Oct to Fri 23 Oct (10), half-term, Mon 2 to Fri 6 Nov (15), Mon 9, Tue 10, Thu 12, Fri 13 (19), Mon 16 Nov (20).
        Map<LocalDate, List<String>> marks = marks(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 16), "O", "N");
        RegisterRules.Finding finding = RegisterRules.continuousAbsence(SCHOOL_DAY, marks, LocalDate.of(2026, 11, 16), BOTH);
        assertThat(finding.met()).isTrue();
        assertThat(finding.schoolDays()).isEqualTo(20);
        assertThat(finding.from()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(finding.ground()).isEqualTo(DeletionGround.CONTINUOUS_ABSENCE);
        assertThat(finding.evidence()).contains("20 school days from Mon 12 Oct 2026 to Mon 16 Nov 2026")
                .contains("CME officer checked the address").contains("home visit, no answer");

        RegisterRules.Finding dayBefore = RegisterRules.continuousAbsence(SCHOOL_DAY, marks, LocalDate.of(2026, 11, 13), BOTH);
        assertThat(dayBefore.met()).as("Fri 13 Nov is the 19th school day").isFalse();
        assertThat(dayBefore.missing()).containsExactly("19 school days of continuous G/N/O absence, 20 needed");
    }

    @Test
    void anAuthorisedOrOtherMarkBreaksTheRun() {
        Map<LocalDate, List<String>> marks = marks(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 16), "G", "O");
        marks.put(LocalDate.of(2026, 11, 3), List.of("I", "I"));
        RegisterRules.Finding finding = RegisterRules.continuousAbsence(SCHOOL_DAY, marks, LocalDate.of(2026, 11, 16), BOTH);
        assertThat(finding.met()).isFalse();
        assertThat(finding.from()).as("the run starts after the illness").isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(finding.schoolDays()).isEqualTo(8);
    }

    @Test
    void withoutTheLocalAuthoritysEnquiriesGroundIIsNotMet() {
        Map<LocalDate, List<String>> marks = marks(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 16), "N", "N");
        RegisterRules.Finding finding = RegisterRules.continuousAbsence(SCHOOL_DAY, marks, LocalDate.of(2026, 11, 16),
                new RegisterRules.Enquiries(BOTH.bySchool(), List.of()));
        assertThat(finding.met()).isFalse();
        assertThat(finding.missing()).containsExactly("no reasonable enquiries by the local authority on record");
    }

    @Test
    void notBackWithinTenSchoolDaysOfTheEndOfLeaveAcrossHalfTermMeetsTheLeaveGround() {
        // Leave (C) Mon 5 to Fri 16 Oct; then Mon 19 to Fri 23 Oct (5), half-term, Mon 2 to Fri 6 Nov (10).
        Map<LocalDate, List<String>> marks = marks(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 16), "C", "C");
        marks.putAll(marks(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 6), "O", "O"));
        RegisterRules.Finding finding = RegisterRules.noReturnFromLeave(SCHOOL_DAY, marks, LocalDate.of(2026, 11, 6), BOTH);
        assertThat(finding.met()).isTrue();
        assertThat(finding.from()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(finding.schoolDays()).isEqualTo(10);
        assertThat(finding.evidence()).startsWith("Leave of absence ended Fri 16 Oct 2026");

        assertThat(RegisterRules.noReturnFromLeave(SCHOOL_DAY, marks, LocalDate.of(2026, 11, 5), BOTH).missing())
                .containsExactly("9 school days since the leave ended, 10 needed");
    }

    @Test
    void aPupilWhoCameBackAfterLeaveIsNotOnTheLeaveGround() {
        Map<LocalDate, List<String>> marks = marks(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 16), "C", "C");
        marks.putAll(marks(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 6), "O", "O"));
        marks.put(LocalDate.of(2026, 11, 4), List.of("/", "\\"));
        RegisterRules.Finding finding = RegisterRules.noReturnFromLeave(SCHOOL_DAY, marks, LocalDate.of(2026, 11, 6), BOTH);
        assertThat(finding.met()).isFalse();
        assertThat(finding.missing()).containsExactly("attended on Wed 4 Nov 2026");
    }

    @Test
    void withoutLeaveOnTheRegisterTheLeaveGroundDoesNotApply() {
        Map<LocalDate, List<String>> marks = marks(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 16), "O", "O");
        RegisterRules.Finding finding = RegisterRules.noReturnFromLeave(SCHOOL_DAY, marks, LocalDate.of(2026, 11, 16), BOTH);
        assertThat(finding.met()).isFalse();
        assertThat(finding.missing()).containsExactly("no leave of absence (C, C1) on the register");
    }

    /** The same AM and PM codes on every school day from..to. */
    private static Map<LocalDate, List<String>> marks(LocalDate from, LocalDate to, String am, String pm) {
        Map<LocalDate, List<String>> marks = new HashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (SCHOOL_DAY.test(day)) {
                marks.put(day, List.of(am, pm));
            }
        }
        return marks;
    }
}
