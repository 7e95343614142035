package org.doorstep.register;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.doorstep.trigger.AttendanceCode;

/**
 * The register duties as rules over one pupil's register and the school's calendar: pure functions, so
 * each is proved with worked dates (RegisterRulesTest). A school day is what the school's calendar says
 * ({@code trigger.SchoolCalendar.SchoolDays::isSchoolDay}): weekends, half-terms, INSET days and other
 * closures are never counted.
 */
final class RegisterRules {

    /**
     * Code N "must be amended within five school days" (School Attendance (Pupil Registration) (England)
     * Regulations 2024, reg. 10, Table 3; "Working together to improve school attendance", August 2024).
     */
    static final int N_REPLACED_WITHIN_SCHOOL_DAYS = 5;
    /** "By the end of the fifth day after the day when the name ... is entered" (2024 Regulations, reg. 13(1)): days, not school days. */
    static final int NEW_PUPIL_RETURN_DAYS = 5;
    /** Ground (i), 2024 Regulations reg. 9(1)(i): continuously absent for at least 20 school days. */
    static final int CONTINUOUS_ABSENCE_SCHOOL_DAYS = 20;
    /** The leave ground: not back within the 10 school days immediately after the leave ended. */
    static final int RETURN_FROM_LEAVE_SCHOOL_DAYS = 10;
    /** Ground (i) holds only where every mark of the run is one of these (reg. 10, Table 3). */
    static final Set<String> CONTINUOUS_ABSENCE_CODES = Set.of("G", "N", "O");
    /** Leave of absence granted for a stretch of days: exceptional circumstances (C), performance or employment abroad (C1). */
    static final Set<String> LEAVE_CODES = Set.of("C", "C1");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    /** How far back a run is looked for: a school year and a little. */
    private static final int LOOKBACK_SCHOOL_DAYS = 200;

    private RegisterRules() {
    }

    /** The last school day by whose end an N on {@code nDay} must have been replaced: the fifth school day after it. */
    static LocalDate reasonDeadline(Predicate<LocalDate> schoolDay, LocalDate nDay) {
        LocalDate cursor = nDay;
        int counted = 0;
        // A calendar that ends first leaves the deadline on the last day it knows; 1 year bounds the walk.
        for (LocalDate limit = nDay.plusYears(1); counted < N_REPLACED_WITHIN_SCHOOL_DAYS && cursor.isBefore(limit); ) {
            cursor = cursor.plusDays(1);
            if (schoolDay.test(cursor)) {
                counted++;
            }
        }
        return cursor;
    }

    /**
     * The office's task opens on the morning of the deadline day, so the last school day to put the
     * register right is spent doing it, not learning afterwards that it was missed.
     */
    static boolean reasonTaskDue(Predicate<LocalDate> schoolDay, LocalDate nDay, LocalDate today) {
        return !today.isBefore(reasonDeadline(schoolDay, nDay));
    }

    static LocalDate newPupilReturnDue(LocalDate enteredOn) {
        return enteredOn.plusDays(NEW_PUPIL_RETURN_DAYS);
    }

    /** Which reasonable enquiries into where the pupil is are on record. Both grounds need them made jointly. */
    record Enquiries(List<String> bySchool, List<String> byLocalAuthority) {

        static final Enquiries NONE = new Enquiries(List.of(), List.of());

        boolean joint() {
            return !bySchool.isEmpty() && !byLocalAuthority.isEmpty();
        }
    }

    /**
     * What a deletion rule found: whether the ground is met, the school days it rests on, what is still
     * missing and the evidence in words for the headteacher. Met is never a deletion: the head decides.
     */
    record Finding(DeletionGround ground, boolean met, LocalDate from, LocalDate to, int schoolDays, List<String> missing,
            String evidence) {
    }

    /**
     * Ground (i): absent on every school day of a run of at least 20 ending today, every mark G, N or O, and
     * the school and the local authority have both made reasonable enquiries. A day without a mark ends the
     * run: the register is incomplete, nothing is guessed.
     */
    static Finding continuousAbsence(Predicate<LocalDate> schoolDay, Map<LocalDate, List<String>> marks, LocalDate today,
            Enquiries enquiries) {
        int run = 0;
        LocalDate from = null;
        for (LocalDate day : schoolDaysBack(schoolDay, today)) {
            List<String> codes = marks.getOrDefault(day, List.of());
            if (codes.isEmpty() || !CONTINUOUS_ABSENCE_CODES.containsAll(codes)) {
                break;
            }
            run++;
            from = day;
        }
        List<String> missing = new ArrayList<>();
        if (run < CONTINUOUS_ABSENCE_SCHOOL_DAYS) {
            missing.add("%d school days of continuous G/N/O absence, %d needed".formatted(run, CONTINUOUS_ABSENCE_SCHOOL_DAYS));
        }
        missingEnquiries(enquiries, missing);
        String evidence = run == 0 ? "Not absent (G/N/O) on " + day(today)
                : "Absent with every mark G, N or O on each of %d school days from %s to %s (weekends, holidays and closures not counted)"
                        .formatted(run, day(from), day(today));
        return new Finding(DeletionGround.CONTINUOUS_ABSENCE, missing.isEmpty(), from, today, run, List.copyOf(missing),
                evidence + enquiryText(enquiries));
    }

    /**
     * The leave ground: leave of absence (C, C1) ended on the last school day so marked; the pupil attended on
     * none of the 10 school days immediately after it, nor since; and the school and the local authority have
     * both made reasonable enquiries.
     */
    static Finding noReturnFromLeave(Predicate<LocalDate> schoolDay, Map<LocalDate, List<String>> marks, LocalDate today,
            Enquiries enquiries) {
        List<LocalDate> back = schoolDaysBack(schoolDay, today);
        LocalDate leaveEnded = null;
        List<LocalDate> since = new ArrayList<>();
        for (LocalDate day : back) {
            List<String> codes = marks.getOrDefault(day, List.of());
            if (codes.stream().anyMatch(LEAVE_CODES::contains)) {
                leaveEnded = day;
                break;
            }
            since.add(0, day);
        }
        List<String> missing = new ArrayList<>();
        if (leaveEnded == null) {
            return new Finding(DeletionGround.NO_RETURN_FROM_LEAVE, false, null, today, 0,
                    List.of("no leave of absence (C, C1) on the register"), "No leave of absence on the register");
        }
        LocalDate attended = null;
        LocalDate unmarked = null;
        for (LocalDate day : since) {
            List<String> codes = marks.getOrDefault(day, List.of());
            if (codes.isEmpty() && unmarked == null) {
                unmarked = day;
            }
            if (attended == null && codes.stream().anyMatch(RegisterRules::attendedOrSeen)) {
                attended = day;
            }
        }
        if (since.size() < RETURN_FROM_LEAVE_SCHOOL_DAYS) {
            missing.add("%d school days since the leave ended, %d needed".formatted(since.size(), RETURN_FROM_LEAVE_SCHOOL_DAYS));
        }
        if (attended != null) {
            missing.add("attended on " + day(attended));
        }
        if (unmarked != null) {
            missing.add("no register mark on " + day(unmarked));
        }
        missingEnquiries(enquiries, missing);
        LocalDate from = since.isEmpty() ? null : since.get(0);
        String evidence = "Leave of absence ended %s; not attended on any of the %d school days since%s".formatted(day(leaveEnded),
                since.size(), from == null ? "" : " (" + day(from) + " to " + day(today) + ")");
        return new Finding(DeletionGround.NO_RETURN_FROM_LEAVE, missing.isEmpty(), from, today, since.size(),
                List.copyOf(missing), evidence + enquiryText(enquiries));
    }

    /** The school days up to and including {@code today}, newest first, at most a year back. */
    private static List<LocalDate> schoolDaysBack(Predicate<LocalDate> schoolDay, LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate cursor = today; days.size() < LOOKBACK_SCHOOL_DAYS && !cursor.isBefore(today.minusYears(1));
                cursor = cursor.minusDays(1)) {
            if (schoolDay.test(cursor)) {
                days.add(cursor);
            }
        }
        return days;
    }

    private static boolean attendedOrSeen(String code) {
        return AttendanceCode.of(code).map(c -> c.seen() || c.category().attended()).orElse(false);
    }

    private static void missingEnquiries(Enquiries enquiries, List<String> missing) {
        if (enquiries.bySchool().isEmpty()) {
            missing.add("no reasonable enquiries by the school on record");
        }
        if (enquiries.byLocalAuthority().isEmpty()) {
            missing.add("no reasonable enquiries by the local authority on record");
        }
    }

    private static String enquiryText(Enquiries enquiries) {
        return ". Enquiries by the school: " + (enquiries.bySchool().isEmpty() ? "none" : String.join("; ", enquiries.bySchool()))
                + ". Enquiries by the local authority: "
                + (enquiries.byLocalAuthority().isEmpty() ? "none" : String.join("; ", enquiries.byLocalAuthority())) + ".";
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }
}
