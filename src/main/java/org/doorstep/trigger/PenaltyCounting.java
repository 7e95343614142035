package org.doorstep.trigger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The counting behind dmn/penalty-notice.dmn, over plain data.
 *
 * <p>Working together to improve school attendance (DfE, August 2024), national framework: 10 sessions of
 * unauthorised absence (codes G, N, O, U) within a rolling 10 school weeks; a school week is any week with
 * at least one session; the sessions need not be consecutive and the weeks may span terms and school
 * years. A mark that an open or issued record already rests on does not count again (issue 13: "no mark
 * counts towards two").
 */
final class PenaltyCounting {

    static final int YEARS_OF_HISTORY = 3;

    private PenaltyCounting() {
    }

    /** One unauthorised session of the register. */
    record Mark(LocalDate date, String session, String code) {
        boolean holiday() {
            return AttendanceCode.HOLIDAY_NOT_AUTHORISED.code().equals(code);
        }
    }

    enum Status {
        PENDING("Pending"), ISSUED("Issued"), WAIVED("Waived");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * A record for this parent of this pupil: a notice to improve, a penalty or another intervention.
     *
     * @param on                the day it was issued (or raised, while pending)
     * @param improvementEndsOn for an issued notice to improve, the last day of its improvement period
     */
    record Notice(PenaltyStep step, Status status, LocalDate on, LocalDate improvementEndsOn, Set<Mark> marks) {
        boolean standing() {
            return status != Status.WAIVED;
        }
    }

    /** What the decision is told, and the marks a new record would rest on. */
    record Count(PenaltyDecision.Facts facts, List<Mark> marks) {
    }

    /**
     * The first day of the rolling window: the Monday of the {@code weeks}-th school week back, counting the
     * week of {@code today}. Weeks without a school day (holidays) are skipped, so the window reaches back
     * over them and over the summer into the previous school year. Where the calendar does not reach that
     * far back, the first school day it knows.
     */
    static LocalDate windowStart(SchoolCalendar.SchoolDays calendar, LocalDate today, int weeks) {
        List<LocalDate> mondays = new ArrayList<>(weeks);
        LocalDate earliest = today;
        // A school week has at least one school day, so weeks * 5 school days back always hold enough weeks.
        for (LocalDate day : calendar.schoolDaysBack(today, weeks * 5, today.minusYears(1))) {
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (mondays.isEmpty() || !mondays.get(mondays.size() - 1).equals(monday)) {
                mondays.add(monday);
            }
            earliest = day;
            if (mondays.size() == weeks) {
                return monday;
            }
        }
        return earliest;
    }

    /**
     * Counts for one parent of one pupil on {@code today}.
     *
     * @param marks   the pupil's unauthorised marks (G, N, O, U) from at least the window start and the
     *                latest notice to improve onwards
     * @param notices this parent's records for this pupil, any age
     */
    static Count count(LocalDate today, LocalDate windowStart, Collection<Mark> marks, Collection<Notice> notices) {
        Set<Mark> used = new LinkedHashSet<>();
        notices.stream().filter(Notice::standing).forEach(notice -> used.addAll(notice.marks()));
        List<Mark> fresh = marks.stream()
                .filter(mark -> !mark.date().isBefore(windowStart) && !mark.date().isAfter(today))
                .filter(mark -> !used.contains(mark))
                .sorted(Comparator.comparing(Mark::date).thenComparing(Mark::session))
                .toList();
        LocalDate threeYearsAgo = today.minusYears(YEARS_OF_HISTORY);
        // Withdrawn (waived) notices do not count towards the limit (Manchester code of conduct 4.3).
        int penalties = (int) notices.stream()
                .filter(n -> n.standing() && n.step().isPenalty() && n.on().isAfter(threeYearsAgo)).count();
        int noticesToImprove = (int) notices.stream()
                .filter(n -> n.status() == Status.ISSUED && n.step() == PenaltyStep.NOTICE_TO_IMPROVE
                        && n.on().isAfter(threeYearsAgo)).count();

        Optional<Notice> open = openNoticeToImprove(notices);
        ImprovementPeriod period = open.map(n -> period(n, today, marks)).orElse(ImprovementPeriod.NONE);
        Set<Mark> restsOn = new LinkedHashSet<>();
        if (period == ImprovementPeriod.ENDED_NOT_IMPROVED) {
            // The penalty rests on what met the threshold and on the absence during the improvement period.
            Notice notice = open.get();
            restsOn.addAll(notice.marks());
            marks.stream().filter(m -> during(notice, m) && !used.contains(m)).forEach(restsOn::add);
        }
        restsOn.addAll(fresh);
        boolean holidayOnly = !fresh.isEmpty() && fresh.stream().allMatch(Mark::holiday);
        return new Count(new PenaltyDecision.Facts(period, fresh.size(), penalties, noticesToImprove, holidayOnly),
                restsOn.stream().sorted(Comparator.comparing(Mark::date).thenComparing(Mark::session)).toList());
    }

    /** The latest issued notice to improve that no later standing record has followed. */
    private static Optional<Notice> openNoticeToImprove(Collection<Notice> notices) {
        Optional<Notice> latest = notices.stream()
                .filter(n -> n.status() == Status.ISSUED && n.step() == PenaltyStep.NOTICE_TO_IMPROVE)
                .max(Comparator.comparing(Notice::on));
        return latest.filter(nti -> notices.stream()
                .noneMatch(n -> n.standing() && n.step() != PenaltyStep.NOTICE_TO_IMPROVE && !n.on().isBefore(nti.on())));
    }

    /**
     * Manchester code of conduct 7.4: the expectation is no unauthorised absence within the improvement
     * period; Stockton-on-Tees: any further unauthorised absence in it leads to a penalty notice.
     */
    private static ImprovementPeriod period(Notice notice, LocalDate today, Collection<Mark> marks) {
        if (!today.isAfter(notice.improvementEndsOn())) {
            return ImprovementPeriod.RUNNING;
        }
        return marks.stream().anyMatch(m -> during(notice, m))
                ? ImprovementPeriod.ENDED_NOT_IMPROVED : ImprovementPeriod.ENDED_IMPROVED;
    }

    private static boolean during(Notice notice, Mark mark) {
        return mark.date().isAfter(notice.on()) && !mark.date().isAfter(notice.improvementEndsOn());
    }
}
