package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.doorstep.trigger.PenaltyCounting.Mark;
import org.doorstep.trigger.PenaltyCounting.Notice;
import org.doorstep.trigger.PenaltyCounting.Status;
import org.junit.jupiter.api.Test;

/**
 * The counting of the national framework (Working together to improve school attendance, August 2024), with
 * the examples published codes give: "6 sessions in 1 week and 1 per week for the next 4 weeks", "2 sessions
 * in the Summer Term and a further 8 within the Autumn Term" (St Andrew's Benn and Saughall All Saints
 * parents' pages, quoting the guidance; Manchester City Council code 4.2).
 */
class PenaltyCountingTest {

    /** Summer term 2026, then the summer holiday, then autumn 2026 with half-term 26-30 October. */
    private static final SchoolCalendar.SchoolDays CALENDAR = new SchoolCalendar.SchoolDays(List.of(
            new SchoolCalendar.Term("Summer 2026", LocalDate.of(2026, 4, 13), LocalDate.of(2026, 7, 22)),
            new SchoolCalendar.Term("Autumn 1 2026", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 10, 23)),
            new SchoolCalendar.Term("Autumn 2 2026", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 18)),
            new SchoolCalendar.Term("Spring 2027", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 3, 26))), Set.of());

    private static Mark am(int year, int month, int day, String code) {
        return new Mark(LocalDate.of(year, month, day), "AM", code);
    }

    private static Mark pm(int year, int month, int day, String code) {
        return new Mark(LocalDate.of(year, month, day), "PM", code);
    }

    private static PenaltyCounting.Count count(LocalDate today, List<Mark> marks, List<Notice> notices) {
        return PenaltyCounting.count(today, PenaltyCounting.windowStart(CALENDAR, today, 10), marks, notices);
    }

    @Test
    void sessionsNeedNotBeConsecutive() {
        // "6 sessions of unauthorised absence in 1 week and 1 per week for the next 4 weeks".
        List<Mark> marks = new ArrayList<>(List.of(am(2026, 9, 7, "O"), pm(2026, 9, 7, "O"), am(2026, 9, 8, "N"),
                pm(2026, 9, 8, "N"), am(2026, 9, 9, "U"), pm(2026, 9, 10, "O")));
        marks.addAll(List.of(am(2026, 9, 15, "U"), am(2026, 9, 22, "O"), pm(2026, 9, 29, "G"), am(2026, 10, 6, "N")));
        PenaltyCounting.Count count = count(LocalDate.of(2026, 10, 7), marks, List.of());
        assertThat(count.facts().unauthorisedSessions()).isEqualTo(10);
        assertThat(count.facts().holidayOnly()).isFalse();
        assertThat(count.marks()).hasSize(10).first().isEqualTo(am(2026, 9, 7, "O"));
    }

    @Test
    void theWindowSpansTheSummerHolidayAndTheNewSchoolYear() {
        // "2 sessions of unauthorised absence in the Summer Term and a further 8 within the Autumn Term".
        // On Wednesday 30 September the 10 school weeks are the five of September (2 Sep is a Wednesday)
        // and the five last of the summer term, back to the week of Monday 22 June: the six holiday weeks
        // have no session and are not school weeks.
        LocalDate today = LocalDate.of(2026, 9, 30);
        assertThat(PenaltyCounting.windowStart(CALENDAR, today, 10)).isEqualTo(LocalDate.of(2026, 6, 22));
        List<Mark> marks = new ArrayList<>(List.of(am(2026, 6, 19, "O"), am(2026, 7, 21, "G"), pm(2026, 7, 21, "G")));
        for (int day = 14; day <= 17; day++) {
            marks.add(am(2026, 9, day, "N"));
            marks.add(pm(2026, 9, day, "N"));
        }
        PenaltyCounting.Count count = count(today, marks, List.of());
        assertThat(count.facts().unauthorisedSessions()).as("19 June is the 11th school week back").isEqualTo(10);
        assertThat(count.marks()).doesNotContain(am(2026, 6, 19, "O")).contains(am(2026, 7, 21, "G"));
    }

    @Test
    void aHalfTermWeekIsNotASchoolWeek() {
        // On 18 November, ten school weeks reach back to 7 September: half-term (26-30 October) is skipped.
        assertThat(PenaltyCounting.windowStart(CALENDAR, LocalDate.of(2026, 11, 18), 10)).isEqualTo(LocalDate.of(2026, 9, 7));
        // A week with a single school day is a school week: Wednesday 2 September's week counts.
        assertThat(PenaltyCounting.windowStart(CALENDAR, LocalDate.of(2026, 9, 2), 1)).isEqualTo(LocalDate.of(2026, 8, 31));
    }

    @Test
    void aTermTimeHolidayIsNamedAsSuch() {
        List<Mark> holiday = new ArrayList<>();
        for (int day = 14; day <= 18; day++) {
            holiday.add(am(2026, 9, day, "G"));
            holiday.add(pm(2026, 9, day, "G"));
        }
        assertThat(count(LocalDate.of(2026, 9, 21), holiday, List.of()).facts().holidayOnly()).isTrue();
    }

    @Test
    void marksAPenaltyRestsOnAreNotCountedTwice() {
        List<Mark> first = new ArrayList<>();
        for (int day = 14; day <= 18; day++) {
            first.add(am(2026, 9, day, "O"));
            first.add(pm(2026, 9, day, "O"));
        }
        Notice penalty = new Notice(PenaltyStep.PENALTY_FIRST_RATE, Status.PENDING, LocalDate.of(2026, 9, 21), null, Set.copyOf(first));
        List<Mark> all = new ArrayList<>(first);
        all.add(am(2026, 9, 28, "U"));
        PenaltyCounting.Count count = count(LocalDate.of(2026, 9, 30), all, List.of(penalty));
        assertThat(count.facts().unauthorisedSessions()).isEqualTo(1);
        assertThat(count.facts().penaltiesInThreeYears()).isEqualTo(1);
        assertThat(count.marks()).containsExactly(am(2026, 9, 28, "U"));

        // Once waived, the penalty is withdrawn: its marks count again and it does not count towards the limit.
        Notice waived = new Notice(PenaltyStep.PENALTY_FIRST_RATE, Status.WAIVED, LocalDate.of(2026, 9, 21), null, Set.copyOf(first));
        PenaltyCounting.Count afterWaiver = count(LocalDate.of(2026, 9, 30), all, List.of(waived));
        assertThat(afterWaiver.facts().unauthorisedSessions()).isEqualTo(11);
        assertThat(afterWaiver.facts().penaltiesInThreeYears()).isZero();
    }

    @Test
    void theImprovementPeriodRunsThenEndsWithOrWithoutImprovement() {
        List<Mark> threshold = new ArrayList<>();
        for (int day = 7; day <= 11; day++) {
            threshold.add(am(2026, 9, day, "O"));
            threshold.add(pm(2026, 9, day, "O"));
        }
        // Issued Monday 14 September for 6 weeks: the period ends Sunday 25 October.
        Notice notice = new Notice(PenaltyStep.NOTICE_TO_IMPROVE, Status.ISSUED, LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 10, 25), Set.copyOf(threshold));

        PenaltyCounting.Count running = count(LocalDate.of(2026, 10, 1), threshold, List.of(notice));
        assertThat(running.facts().improvementPeriod()).isEqualTo(ImprovementPeriod.RUNNING);
        assertThat(running.facts().unauthorisedSessions()).as("the notice's own marks").isZero();
        assertThat(running.facts().noticesToImproveInThreeYears()).isEqualTo(1);

        assertThat(count(LocalDate.of(2026, 11, 2), threshold, List.of(notice)).facts().improvementPeriod())
                .isEqualTo(ImprovementPeriod.ENDED_IMPROVED);

        List<Mark> withLapse = new ArrayList<>(threshold);
        withLapse.add(am(2026, 10, 5, "O"));
        PenaltyCounting.Count lapsed = count(LocalDate.of(2026, 11, 2), withLapse, List.of(notice));
        assertThat(lapsed.facts().improvementPeriod()).isEqualTo(ImprovementPeriod.ENDED_NOT_IMPROVED);
        assertThat(lapsed.marks()).as("the penalty rests on the threshold and on the lapse").hasSize(11)
                .contains(am(2026, 10, 5, "O"), am(2026, 9, 7, "O"));

        // A penalty after the notice closes it: the next review starts afresh.
        Notice penalty = new Notice(PenaltyStep.PENALTY_FIRST_RATE, Status.ISSUED, LocalDate.of(2026, 11, 3), null,
                Set.copyOf(lapsed.marks()));
        assertThat(count(LocalDate.of(2026, 11, 4), withLapse, List.of(notice, penalty)).facts().improvementPeriod())
                .isEqualTo(ImprovementPeriod.NONE);
    }

    @Test
    void aFourthNoticeInThreeYearsFindsTwoPenaltiesAndTheOldestDropsOutAfterThreeYears() {
        List<Notice> history = List.of(
                new Notice(PenaltyStep.NOTICE_TO_IMPROVE, Status.ISSUED, LocalDate.of(2024, 10, 1), LocalDate.of(2024, 11, 12), Set.of()),
                new Notice(PenaltyStep.PENALTY_FIRST_RATE, Status.ISSUED, LocalDate.of(2025, 1, 20), null, Set.of()),
                new Notice(PenaltyStep.PENALTY_HIGHER_RATE, Status.ISSUED, LocalDate.of(2025, 6, 9), null, Set.of()));
        List<Mark> marks = new ArrayList<>();
        for (int day = 14; day <= 18; day++) {
            marks.add(am(2026, 9, day, "O"));
            marks.add(pm(2026, 9, day, "O"));
        }
        PenaltyCounting.Count fourth = count(LocalDate.of(2026, 9, 21), marks, history);
        assertThat(fourth.facts().penaltiesInThreeYears()).isEqualTo(2);
        assertThat(fourth.facts().noticesToImproveInThreeYears()).isEqualTo(1);
        assertThat(new PenaltyDecision().evaluate(fourth.facts(), 10,
                new org.doorstep.policy.PolicyProfile.Penalties("Manchester", true, 6)).step())
                .isEqualTo(PenaltyStep.ANOTHER_INTERVENTION);

        // On 21 January 2028 the first penalty (20 January 2025) is more than 3 years old.
        assertThat(PenaltyCounting.count(LocalDate.of(2028, 1, 21), LocalDate.of(2027, 11, 1), List.of(), history)
                .facts().penaltiesInThreeYears()).isEqualTo(1);
    }
}
