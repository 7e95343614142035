package org.doorstep.trigger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.policy.UnknownPolicyProfileException;
import org.doorstep.school.Pupil;
import org.doorstep.school.School;
import org.doorstep.school.SchoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily evaluation: for every school day, every pupil absent today is judged by the
 * absence-trigger decision, cases are opened and told what is due, and cases of children seen
 * today are closed. Safe to run twice for the same day: an open case per pupil is unique, and
 * every need is recorded once (see {@link AbsenceCases#actionDue}).
 *
 * <p>Reading is done in a few set-based queries per school; the decision is evaluated in memory
 * (cached parsed table); only pupils with something due reach the process engine, one
 * transaction per pupil on a small pool, visits last and one at a time.
 */
@Service
public class AbsenceEvaluation {

    private static final Logger log = LoggerFactory.getLogger(AbsenceEvaluation.class);
    private static final int CHUNK = 1_000;
    static final String NO_CALENDAR = "no calendar for this day: nothing raised; import the school's terms";

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final SchoolCalendar calendar;
    private final PolicyProfiles profiles;
    private final TriggerDecision decision;
    private final AbsenceCases cases;
    private final Penalties penalties;
    private final TaskService taskService;
    private final TransactionTemplate perPupil;
    private final int threads;

    AbsenceEvaluation(JdbcClient jdbc, SchoolDirectory directory, SchoolCalendar calendar, PolicyProfiles profiles,
            TriggerDecision decision, AbsenceCases cases, Penalties penalties, TaskService taskService,
            PlatformTransactionManager transactions, @Value("${doorstep.trigger.evaluation-threads:4}") int threads) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
        this.profiles = profiles;
        this.decision = decision;
        this.cases = cases;
        this.penalties = penalties;
        this.taskService = taskService;
        this.perPupil = new TransactionTemplate(transactions);
        this.perPupil.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.threads = Math.max(1, threads);
    }

    /**
     * What a run did. {@code skipped} says why each school skipped was; {@code withoutCalendar} names the
     * schools whose calendar does not cover the day, for whom nothing was raised (their calendar needs importing).
     */
    public record Report(LocalDate day, int schools, int pupilsAbsent, int casesOpened, int actionsDue, int casesClosed,
            int errors, List<String> skipped, List<String> withoutCalendar) {
    }

    /** What one pupil's absence looks like today, and what the decision asks for. */
    record Judgement(Pupil pupil, AbsenceCases.AbsenceCase openCase, TriggerDecision.Inputs inputs,
            List<TriggerDecision.Due> due, String summary) {
    }

    public Report evaluate(LocalDate day) {
        Tally tally = new Tally();
        List<String> skipped = new ArrayList<>();
        int schools = 0;
        for (School school : directory.schools()) {
            String skip = evaluateSchool(school.id(), day, tally);
            if (skip == null) {
                schools++;
            } else {
                skipped.add(school.id() + ": " + skip);
            }
        }
        return tally.report(day, schools, skipped);
    }

    public Report evaluate(String schoolId, LocalDate day) {
        Tally tally = new Tally();
        String skip = evaluateSchool(schoolId, day, tally);
        return tally.report(day, skip == null ? 1 : 0, skip == null ? List.of() : List.of(schoolId + ": " + skip));
    }

    private static final class Tally {
        final AtomicInteger absent = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger actions = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();

        final List<String> withoutCalendar = Collections.synchronizedList(new ArrayList<>());

        Report report(LocalDate day, int schools, List<String> skipped) {
            return new Report(day, schools, absent.get(), opened.get(), actions.get(), closed.get(), errors.get(), skipped,
                    List.copyOf(withoutCalendar));
        }
    }

    /** Null when evaluated, else why the school was skipped. */
    private String evaluateSchool(String schoolId, LocalDate day, Tally tally) {
        SchoolCalendar.SchoolDays schoolDays = calendar.of(schoolId);
        if (!schoolDays.covers(day)) {
            // Never guessed open: a holiday counted as a school day would make visits fall due in it.
            tally.withoutCalendar.add(schoolId);
            log.warn("Absence evaluation {} {}: the school's calendar does not cover this day; nothing raised until its terms"
                    + " are imported", schoolId, day);
            return NO_CALENDAR;
        }
        if (!schoolDays.isSchoolDay(day)) {
            return "not a school day";
        }
        PolicyProfile profile;
        try {
            profile = profiles.forSchool(schoolId);
        } catch (UnknownPolicyProfileException e) {
            return "no policy profile";
        }
        Map<String, AbsenceCases.AbsenceCase> openCases = cases.openCases(schoolId);
        Map<String, DayMarks> today = new HashMap<>();
        jdbc.sql("SELECT pupil_id, category, seen FROM attendance_mark WHERE school_id = ? AND session_date = ?")
                .params(schoolId, Date.valueOf(day))
                .query(rs -> {
                    today.computeIfAbsent(rs.getString(1), id -> new DayMarks()).add(rs.getString(2), rs.getBoolean(3));
                });

        // Children seen today end their episode.
        for (AbsenceCases.AbsenceCase open : openCases.values()) {
            DayMarks marks = today.get(open.pupilId());
            if (marks != null && marks.seen) {
                inTransaction(tally, open.pupilId(), () -> {
                    if (cases.childSeen(open.pupilId(), day, "seen in school on " + day, AbsenceCases.SYSTEM_ACTOR)) {
                        tally.closed.incrementAndGet();
                    }
                });
            }
        }
        long judging = System.nanoTime();
        List<Judgement> judgements = judge(schoolId, day, schoolDays, profile.triggers(), today, openCases);
        tally.absent.addAndGet(judgements.size());
        long acting = System.nanoTime();
        act(day, judgements, TriggerAction.mustVisits(profile), tally, new Penalty(schoolId, schoolDays, profile));
        reviewEndedImprovementPeriods(schoolId, day, schoolDays, profile, tally);
        log.info("Absence evaluation {} {}: {} pupils marked, {} absent judged in {} ms, acted in {} ms", schoolId, day,
                today.size(), judgements.size(), (acting - judging) / 1_000_000, (System.nanoTime() - acting) / 1_000_000);
        return null;
    }

    List<Judgement> judge(String schoolId, LocalDate day, SchoolCalendar.SchoolDays schoolDays, PolicyProfile.Triggers triggers,
            Map<String, DayMarks> today, Map<String, AbsenceCases.AbsenceCase> openCases) {
        boolean anyAbsent = today.values().stream().anyMatch(DayMarks::absentDay);
        if (!anyAbsent) {
            return List.of();
        }
        int noticeDays = triggers.unauthorisedSessionsWindowWeeks() * 5;
        int lookback = Math.max(noticeDays, Math.max(triggers.maxSchoolDaysWithoutEyesOn(),
                triggers.consecutiveUnauthorisedDaysForLocalAuthority()) + 10);
        List<LocalDate> days = schoolDays.schoolDaysBack(day, lookback, day.minusYears(1));
        LocalDate floor = days.get(days.size() - 1);
        // The national framework's rolling window: school weeks, not school days (PenaltyCounting).
        LocalDate noticeFloor = PenaltyCounting.windowStart(schoolDays, day, triggers.unauthorisedSessionsWindowWeeks());
        Map<String, Map<LocalDate, Integer>> usedByPenalties = penalties.usedSessions(schoolId, noticeFloor);
        // Only pupils absent today are read in detail, by id in chunks: index lookups on the register's key.
        List<String> absentIds = today.entrySet().stream().filter(e -> e.getValue().absentDay()).map(Map.Entry::getKey).toList();
        Map<String, Map<LocalDate, DayMarks>> history = new HashMap<>();
        Map<String, double[]> term = new HashMap<>();
        Map<String, double[]> window = new HashMap<>();
        List<Pupil> pupils = new ArrayList<>(absentIds.size());
        LocalDate termStart = schoolDays.termStart(day);
        LocalDate windowStart = day.minusMonths(triggers.attendanceWindowMonths());
        LocalDate earliest = termStart.isBefore(windowStart) ? termStart : windowStart;
        for (int from = 0; from < absentIds.size(); from += CHUNK) {
            List<String> ids = absentIds.subList(from, Math.min(absentIds.size(), from + CHUNK));
            jdbc.sql("""
                    SELECT pupil_id, session_date, category, seen, code FROM attendance_mark
                    WHERE pupil_id IN (:ids) AND session_date BETWEEN :from AND :to""")
                    .param("ids", ids).param("from", Date.valueOf(earliest.isBefore(floor) ? earliest : floor))
                    .param("to", Date.valueOf(day))
                    .query(rs -> {
                        String pupilId = rs.getString(1);
                        LocalDate date = rs.getDate(2).toLocalDate();
                        String category = rs.getString(3);
                        if (!date.isBefore(floor)) {
                            history.computeIfAbsent(pupilId, id -> new HashMap<>())
                                    .computeIfAbsent(date, d -> new DayMarks())
                                    .add(category, rs.getBoolean(4), rs.getString(5));
                        }
                        count(term, pupilId, date, termStart, category);
                        count(window, pupilId, date, windowStart, category);
                    });
            pupils.addAll(jdbc.sql("SELECT * FROM pupil WHERE id IN (:ids)").param("ids", ids).query(Pupil.class).list());
        }
        Map<String, LocalDate> sightings = new HashMap<>();
        jdbc.sql("SELECT pupil_id, MAX(last_seen_on) FROM absence_case WHERE school_id = ? AND last_seen_on IS NOT NULL GROUP BY pupil_id")
                .param(schoolId)
                .query(rs -> {
                    sightings.put(rs.getString(1), rs.getDate(2).toLocalDate());
                });

        List<Judgement> judgements = new ArrayList<>(pupils.size());
        for (Pupil pupil : pupils) {
            Map<LocalDate, DayMarks> marks = history.getOrDefault(pupil.id(), Map.of());
            DayMarks todayMarks = marks.get(day);
            if (todayMarks == null || !todayMarks.absentDay()) {
                continue;
            }
            AbsenceCases.AbsenceCase open = openCases.get(pupil.id());
            LocalDate sighting = sightings.get(pupil.id());
            int sinceSighting = sighting == null ? Integer.MAX_VALUE : schoolDays.schoolDaysBetween(sighting, day);
            int daysAbsent = 0;
            int sinceSeen = 0;
            int unauthorisedDays = 0;
            boolean countingAbsent = true;
            boolean countingUnseen = true;
            boolean countingUnauthorised = true;
            int unauthorisedSessions = 0;
            Map<LocalDate, Integer> used = usedByPenalties.getOrDefault(pupil.id(), Map.of());
            for (int i = 0; i < days.size(); i++) {
                DayMarks dayMarks = marks.get(days.get(i));
                if (dayMarks == null) {
                    // No register for that day: the counts stop there rather than guess.
                    countingAbsent = countingUnseen = countingUnauthorised = false;
                    continue;
                }
                if (!days.get(i).isBefore(noticeFloor)) {
                    // Marks a penalty record already rests on do not count towards another.
                    unauthorisedSessions += Math.max(0, dayMarks.unauthorisedSessions - used.getOrDefault(days.get(i), 0));
                }
                if (dayMarks.notCountedOnly()) {
                    if (countingUnseen) {
                        sinceSeen++;
                    }
                    continue;
                }
                countingAbsent &= dayMarks.absentDay();
                countingUnseen &= !dayMarks.seen;
                countingUnauthorised &= dayMarks.unauthorisedDay();
                daysAbsent += countingAbsent ? 1 : 0;
                sinceSeen += countingUnseen ? 1 : 0;
                unauthorisedDays += countingUnauthorised ? 1 : 0;
            }
            daysAbsent = Math.min(daysAbsent, sinceSighting);
            sinceSeen = Math.min(sinceSeen, sinceSighting);
            boolean authorisedToday = todayMarks.authorised > 0 && todayMarks.unauthorisedSessions == 0;
            TriggerDecision.Inputs inputs = new TriggerDecision.Inputs(
                    daysAbsent,
                    authorisedToday || (open != null && open.contactMade()),
                    authorisedToday || (open != null && open.reasonGiven()),
                    sinceSeen,
                    pupil.vulnerable() || pupil.knownToSocialCare(),
                    open != null && open.safeguardingIndicators(),
                    unauthorisedDays,
                    unauthorisedSessions,
                    percent(term.get(pupil.id()), triggers),
                    percent(window.get(pupil.id()), triggers),
                    todayMarks.codes.contains(AttendanceCode.HOLIDAY_NOT_AUTHORISED.code()),
                    open != null && open.whereaboutsUnknown());
            List<TriggerDecision.Due> due = decision.evaluate(inputs, triggers);
            judgements.add(new Judgement(pupil, open, inputs, due, summary(inputs, due)));
        }
        return judgements;
    }

    /** Adds one session to a pupil's attended / possible figures when it falls inside the period. */
    private static void count(Map<String, double[]> figures, String pupilId, LocalDate date, LocalDate since, String category) {
        if (date.isBefore(since) || "X".equals(category)) {
            return;
        }
        double[] pupil = figures.computeIfAbsent(pupilId, id -> new double[2]);
        pupil[0] += "P".equals(category) || "E".equals(category) ? 1 : 0;
        pupil[1] += 1;
    }

    /**
     * Attendance as a percentage of possible sessions; below the profile's minimum of possible sessions
     * the figure says nothing yet (a child absent on the first day of term is not at 0 %), so it counts as 100.
     */
    private static double percent(double[] figures, PolicyProfile.Triggers triggers) {
        return figures == null || figures[1] < triggers.minimumSessionsForAttendancePercent()
                ? 100.0 : Math.round(1000.0 * figures[0] / figures[1]) / 10.0;
    }

    private static String summary(TriggerDecision.Inputs in, List<TriggerDecision.Due> due) {
        String facts = "Day %d of absence; not seen for %d school days; contact %s; reason %s; %d consecutive unauthorised days; %d unauthorised sessions in 10 weeks; attendance %.1f %% this term, %.1f %% over the window%s%s%s%s"
                .formatted(in.consecutiveSchoolDaysAbsent(), in.schoolDaysSinceSeen(), in.contactMade() ? "made" : "not made",
                        in.reasonGiven() ? "given" : "not given", in.consecutiveUnauthorisedDays(),
                        in.unauthorisedSessionsInWindow(), in.attendanceTermPercent(), in.attendanceWindowPercent(),
                        in.vulnerable() ? "; vulnerable" : "", in.safeguardingIndicators() ? "; safeguarding indicators" : "",
                        in.knownHoliday() ? "; known holiday" : "", in.whereaboutsUnknown() ? "; whereabouts unknown" : "");
        String actions = due.isEmpty() ? "nothing due"
                : due.stream().map(d -> d.action() + " (" + d.reason() + ")").collect(Collectors.joining("; "));
        String text = facts + ". Due: " + actions;
        return text.length() > 3900 ? text.substring(0, 3900) : text;
    }

    /** Opens cases and records what is due: in parallel per pupil, then the visits one by one. */
    /** What the penalty-notice review needs of the school being evaluated. */
    private record Penalty(String schoolId, SchoolCalendar.SchoolDays calendar, PolicyProfile profile) {
    }

    private void act(LocalDate day, List<Judgement> judgements, Set<TriggerAction> must, Tally tally, Penalty penalty) {
        List<Judgement> work = judgements.stream().filter(j -> !j.due().isEmpty()).toList();
        if (work.isEmpty()) {
            return;
        }
        Map<String, String> references = Collections.synchronizedMap(new HashMap<>());
        Set<String> contactTaskOpen = contactTasksOpen(penalty.schoolId(), work);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, work.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Judgement judgement : work) {
                futures.add(pool.submit(() -> inTransaction(tally, judgement.pupil().id(), () -> {
                    AbsenceCases.AbsenceCase open = judgement.openCase();
                    // A new case opens at the day's actions (openCase), except the visits, requested one at a time
                    // below, and "consider legal action", which waits for the penalty review.
                    String reference = open != null ? open.reference() : openCase(judgement, day, tally);
                    references.put(judgement.pupil().id(), reference);
                    for (TriggerDecision.Due due : judgement.due()) {
                        if (due.action() == TriggerAction.CONSIDER_LEGAL_ACTION) {
                            // "Consider legal action" asks the penalty-notice framework what the next step is.
                            List<String> raised = penalties.review(penalty.schoolId(), judgement.pupil().id(), day,
                                    penalty.calendar(), penalty.profile());
                            due(reference, new TriggerDecision.Due(due.action(), due.reason() + Penalties.summary(raised)),
                                    day, judgement.summary(), must, tally);
                        } else if (open != null && !due.action().isVisit()) {
                            if (due.action() == TriggerAction.CONTACT_ATTEMPTS && contactTaskOpen.contains(open.processInstanceId())) {
                                // Yesterday's contact-attempts task still open: the office is on it, no second task.
                                continue;
                            }
                            due(reference, due, day, judgement.summary(), must, tally);
                        }
                    }
                })));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        // Visit references are numbered per school by the visit service: start them one at a time.
        for (Judgement judgement : work) {
            String reference = references.get(judgement.pupil().id());
            if (reference == null) {
                continue;
            }
            for (TriggerDecision.Due due : judgement.due()) {
                if (due.action().isVisit()) {
                    inTransaction(tally, judgement.pupil().id(), () -> due(reference, due, day, judgement.summary(), must, tally));
                }
            }
        }
    }

    /**
     * A notice to improve whose period ended is reviewed even if the child is not absent today: its end
     * without improvement leads to a penalty whatever today's register says (Manchester code 7.5).
     */
    private void reviewEndedImprovementPeriods(String schoolId, LocalDate day, SchoolCalendar.SchoolDays calendar,
            PolicyProfile profile, Tally tally) {
        // A parent with a step pending is skipped by the review, so a pupil reviewed earlier today is not raised twice.
        for (String pupilId : penalties.pupilsWithEndedImprovementPeriods(schoolId, day)) {
            inTransaction(tally, pupilId, () -> penalties.review(schoolId, pupilId, day, calendar, profile));
        }
    }

    private String openCase(Judgement judgement, LocalDate day, Tally tally) {
        List<TriggerDecision.Due> first = judgement.due().stream()
                .filter(due -> !due.action().isVisit() && due.action() != TriggerAction.CONSIDER_LEGAL_ACTION).toList();
        String reference = cases.open(judgement.pupil(), day, judgement.summary(), first);
        tally.opened.incrementAndGet();
        tally.actions.addAndGet(first.size());
        return reference;
    }

    private void due(String reference, TriggerDecision.Due due, LocalDate day, String summary, Set<TriggerAction> must,
            Tally tally) {
        if (cases.actionDue(reference, due.action(), day, due.reason(), summary, must.contains(due.action()))) {
            tally.actions.incrementAndGet();
        }
    }

    /**
     * The process instances of the school's cases whose contact-attempts task is still open, in one query before
     * acting rather than one per case (a per-case query was a fifth of the evaluation's CPU and the whole of an
     * unchanged re-run). Only cases already open can have one; none is asked for when none has contact attempts due.
     */
    private Set<String> contactTasksOpen(String schoolId, List<Judgement> work) {
        boolean asked = work.stream().anyMatch(j -> j.openCase() != null
                && j.due().stream().anyMatch(due -> due.action() == TriggerAction.CONTACT_ATTEMPTS));
        if (!asked) {
            return Set.of();
        }
        return taskService.createTaskQuery().processDefinitionKey(AbsenceCaseProcess.KEY).tenantIdIn(schoolId)
                .taskDefinitionKey(AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS).list().stream()
                .map(Task::getProcessInstanceId).collect(Collectors.toSet());
    }

    private void inTransaction(Tally tally, String pupilId, Runnable work) {
        try {
            perPupil.executeWithoutResult(status -> work.run());
        } catch (RuntimeException e) {
            tally.errors.incrementAndGet();
            log.warn("Absence evaluation for pupil {} failed: {}", pupilId, e.toString());
        }
    }

    /** One pupil's marks on one day. */
    static final class DayMarks {
        boolean seen;
        int attended;
        int absent;
        int authorised;
        int unauthorisedSessions;
        int counted;
        final List<String> codes = new ArrayList<>(2);

        void add(String category, boolean seenInSession) {
            add(category, seenInSession, null);
        }

        void add(String category, boolean seenInSession, String code) {
            seen |= seenInSession;
            if (code != null) {
                codes.add(code);
            }
            switch (category) {
                case "P", "E" -> {
                    attended++;
                    counted++;
                }
                case "A" -> {
                    authorised++;
                    absent += seenInSession ? 0 : 1;
                    counted++;
                }
                case "U" -> {
                    unauthorisedSessions++;
                    absent += seenInSession ? 0 : 1;
                    counted++;
                }
                default -> {
                }
            }
        }

        /** Absent all day: not seen, not attending, and at least one absence mark. */
        boolean absentDay() {
            return !seen && attended == 0 && absent > 0;
        }

        boolean unauthorisedDay() {
            return absentDay() && authorised == 0;
        }

        boolean notCountedOnly() {
            return counted == 0 && !seen;
        }
    }
}
