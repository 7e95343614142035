package org.doorstep.trigger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pupil's attendance week by week: of the sessions the register counts in a school week (present,
 * approved activity, authorised or unauthorised absence; never "not counted" codes), the share the
 * child attended. Weeks without a school day (holidays) are skipped, so the chart shows school weeks.
 */
final class WeeklyAttendance {

    /** One register mark: the session's date and its category (P, E, A, U or X, see attendance_mark). */
    record Mark(LocalDate sessionDate, String category) {
    }

    /** A school week from Monday: sessions attended and sessions counted; no percentage without any. */
    record Week(LocalDate monday, int attended, int counted) {

        boolean hasRegister() {
            return counted > 0;
        }

        /** Whole percent, rounded half up as schools report attendance. */
        int percent() {
            return counted == 0 ? 0 : (int) Math.round(100.0 * attended / counted);
        }
    }

    private WeeklyAttendance() {
    }

    /**
     * The last {@code weeks} school weeks up to and including {@code today}'s, oldest first, counted from the
     * marks; a week the calendar has no school day in is left out and the count goes further back (a year at most).
     */
    static List<Week> lastWeeks(List<Mark> marks, SchoolCalendar.SchoolDays calendar, LocalDate today, int weeks) {
        Map<LocalDate, int[]> byWeek = new TreeMap<>();
        for (Mark mark : marks) {
            if (mark.sessionDate().isAfter(today) || "X".equals(mark.category()) || !calendar.isSchoolDay(mark.sessionDate())) {
                continue;
            }
            int[] counts = byWeek.computeIfAbsent(mondayOf(mark.sessionDate()), monday -> new int[2]);
            counts[0] += "P".equals(mark.category()) || "E".equals(mark.category()) ? 1 : 0;
            counts[1]++;
        }
        List<Week> shown = new ArrayList<>(weeks);
        LocalDate floor = today.minusYears(1);
        for (LocalDate monday = mondayOf(today); shown.size() < weeks && monday.isAfter(floor); monday = monday.minusWeeks(1)) {
            if (hasSchoolDay(calendar, monday, today)) {
                int[] counts = byWeek.getOrDefault(monday, new int[2]);
                shown.add(new Week(monday, counts[0], counts[1]));
            }
        }
        Collections.reverse(shown);
        return shown;
    }

    private static boolean hasSchoolDay(SchoolCalendar.SchoolDays calendar, LocalDate monday, LocalDate today) {
        for (LocalDate day = monday; day.isBefore(monday.plusDays(5)) && !day.isAfter(today); day = day.plusDays(1)) {
            if (calendar.isSchoolDay(day)) {
                return true;
            }
        }
        return false;
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }
}
