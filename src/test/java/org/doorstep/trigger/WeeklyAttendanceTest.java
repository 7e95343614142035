package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pupil page's chart counts sessions per school week from the register, on plain data. */
class WeeklyAttendanceTest {

    /** Autumn term 2026 with a half-term week (26-30 Oct) and an INSET day (Wed 11 Nov). */
    private static final SchoolCalendar.SchoolDays CALENDAR = new SchoolCalendar.SchoolDays(
            List.of(new SchoolCalendar.Term("Autumn 1", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 10, 23)),
                    new SchoolCalendar.Term("Autumn 2", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 18))),
            Set.of(LocalDate.of(2026, 11, 11)));

    @Test
    void eachSchoolWeekIsTheShareOfCountedSessionsAttended() {
        List<WeeklyAttendance.Mark> marks = new ArrayList<>();
        // w/c 19 Oct: present every session (10 of 10).
        both(marks, LocalDate.of(2026, 10, 19), 5, "P");
        // w/c 2 Nov: Mon-Tue present, Wed-Fri unauthorised: 4 of 10.
        both(marks, LocalDate.of(2026, 11, 2), 2, "P");
        both(marks, LocalDate.of(2026, 11, 4), 3, "U");
        // w/c 9 Nov: INSET on Wednesday is not a school day; 4 days counted, one AM authorised absent,
        // one approved activity (E counts as attending) and one "not required" session (X, not counted): 7 of 8.
        both(marks, LocalDate.of(2026, 11, 9), 2, "P");
        both(marks, LocalDate.of(2026, 11, 12), 2, "P");
        marks.set(marks.size() - 4, new WeeklyAttendance.Mark(LocalDate.of(2026, 11, 12), "A"));
        marks.set(marks.size() - 3, new WeeklyAttendance.Mark(LocalDate.of(2026, 11, 12), "E"));
        marks.add(new WeeklyAttendance.Mark(LocalDate.of(2026, 11, 13), "X"));
        // A mark on the INSET day (a wrong register) is not counted either.
        marks.add(new WeeklyAttendance.Mark(LocalDate.of(2026, 11, 11), "U"));

        List<WeeklyAttendance.Week> weeks = WeeklyAttendance.lastWeeks(marks, CALENDAR, LocalDate.of(2026, 11, 13), 3);

        // Half-term (w/c 26 Oct) has no school day: the three school weeks are 19 Oct, 2 Nov and 9 Nov.
        assertThat(weeks).extracting(WeeklyAttendance.Week::monday)
                .containsExactly(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9));
        assertThat(weeks).extracting(WeeklyAttendance.Week::attended).containsExactly(10, 4, 7);
        assertThat(weeks).extracting(WeeklyAttendance.Week::counted).containsExactly(10, 10, 8);
        assertThat(weeks).extracting(WeeklyAttendance.Week::percent).containsExactly(100, 40, 88);
    }

    @Test
    void theTextAlternativeStatesEachWeeksPercentageAndSaysWhereThereIsNoRegister() {
        List<WeeklyAttendance.Mark> marks = new ArrayList<>();
        both(marks, LocalDate.of(2026, 11, 30), 1, "P");
        both(marks, LocalDate.of(2026, 12, 1), 1, "U");

        List<WeeklyAttendance.Week> weeks = WeeklyAttendance.lastWeeks(marks, CALENDAR, LocalDate.of(2026, 12, 1), 2);
        PupilPage.Chart chart = PupilPage.chart(weeks);

        assertThat(chart.summary()).isEqualTo(
                "Attendance by school week, oldest first: w/c Mon 23 Nov: no register; w/c Mon 30 Nov: 50 %.");
        assertThat(chart.bars()).extracting(PupilPage.Bar::height).containsExactly(0, 50);
    }

    /** Both sessions (AM and PM) of {@code days} consecutive days from {@code from}, with one category. */
    private static void both(List<WeeklyAttendance.Mark> marks, LocalDate from, int days, String category) {
        for (int i = 0; i < days; i++) {
            marks.add(new WeeklyAttendance.Mark(from.plusDays(i), category));
            marks.add(new WeeklyAttendance.Mark(from.plusDays(i), category));
        }
    }
}
