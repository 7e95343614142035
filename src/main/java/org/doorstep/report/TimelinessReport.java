package org.doorstep.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.school.School;
import org.doorstep.trigger.PenaltyPipeline;
import org.doorstep.trigger.SchoolCalendar;
import org.doorstep.visit.VisitStatusLabel;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Collects the leaders' report's figures for some schools and a period, from Doorstep's tables and the
 * engine's history, a few queries per report (never one per case): a year of one school's cases answers
 * within the second the page promises (docs/benchmarks.md).
 */
@Service
class TimelinessReport {

    /**
     * When the morning register closes, from which the office's first call is timed. No policy profile
     * names the time yet, so every school is measured from 09:30 (issue 13's default) until profiles carry
     * their own; docs/leaders-report.md says so beside the figures.
     */
    static final LocalTime REGISTER_CLOSES = LocalTime.of(9, 30);

    /** The overdue steps of the staff-safety watch the office takes: each missed check-in's chain and an emergency's call. */
    static final List<String> ALERT_STEPS = List.of(StaffSafetyProcess.Elements.OVERDUE_STEP,
            StaffSafetyProcess.Elements.CALL_POLICE_NOW);

    private final JdbcClient jdbc;
    private final HistoryService history;
    private final SchoolCalendar calendar;
    private final PolicyProfiles profiles;
    private final PenaltyPipeline penalties;

    TimelinessReport(JdbcClient jdbc, HistoryService history, SchoolCalendar calendar, PolicyProfiles profiles,
            PenaltyPipeline penalties) {
        this.jdbc = jdbc;
        this.history = history;
        this.calendar = calendar;
        this.profiles = profiles;
        this.penalties = penalties;
    }

    /** One absence case: when the office first tried to reach the family, and how long the child went unseen. */
    record CaseTiming(String schoolId, String reference, String pupilId, String pupilName, LocalDate openedOn,
            Instant firstContactAt, Long minutesToFirstContact, LocalDate seenOn, int schoolDaysUnseen, int maxDaysUnseen) {

        boolean breach() {
            return schoolDaysUnseen > maxDaysUnseen;
        }

        boolean stillUnseen() {
            return seenOn == null;
        }
    }

    record VisitRow(String schoolId, String reference, String pupilId, String pupilName, String status, Instant requestedAt) {

        String statusLabel() {
            return VisitStatusLabel.labelOf(status);
        }
    }

    /** An overdue step the office was asked to take; {@code takenAt} null: nobody took it. */
    record AlertResponse(String schoolId, String visitReference, String step, Instant raisedAt, Instant takenAt,
            boolean stillOpen) {

        Double seconds() {
            return takenAt == null ? null : Duration.between(raisedAt, takenAt).toMillis() / 1000.0;
        }
    }

    /** Everything measured at one school (or across several) in the period. */
    record Figures(String schoolId, String schoolName, List<CaseTiming> cases, List<VisitRow> visits,
            List<AlertResponse> alerts, List<PenaltyPipeline.Count> penalties) {

        Distribution firstContactMinutes() {
            return Distribution.of(cases.stream().map(CaseTiming::minutesToFirstContact).filter(m -> m != null).toList());
        }

        long casesWithoutContact() {
            return cases.stream().filter(c -> c.minutesToFirstContact() == null).count();
        }

        /** Days until the child was seen, of the cases where they were. */
        Distribution daysToEyesOn() {
            return Distribution.of(cases.stream().filter(c -> !c.stillUnseen()).map(CaseTiming::schoolDaysUnseen).toList());
        }

        List<CaseTiming> breaches() {
            return cases.stream().filter(CaseTiming::breach)
                    .sorted(Comparator.comparingInt(CaseTiming::schoolDaysUnseen).reversed()).toList();
        }

        /** Visit count by status, in the order the statuses are declared. */
        Map<String, Long> visitsByStatus() {
            Map<String, Long> counted = visits.stream().collect(Collectors.groupingBy(VisitRow::status, Collectors.counting()));
            Map<String, Long> ordered = new LinkedHashMap<>();
            Stream.of(VisitStatusLabel.values()).map(Enum::name).filter(counted::containsKey)
                    .forEach(status -> ordered.put(status, counted.get(status)));
            counted.keySet().stream().filter(status -> !ordered.containsKey(status)).sorted()
                    .forEach(status -> ordered.put(status, counted.get(status)));
            return ordered;
        }

        Distribution alertSeconds() {
            return Distribution.of(alerts.stream().map(AlertResponse::seconds).filter(s -> s != null).toList());
        }

        List<AlertResponse> unanswered() {
            return alerts.stream().filter(alert -> alert.takenAt() == null).toList();
        }

        static Figures across(String name, Collection<Figures> schools) {
            return new Figures(null, name, schools.stream().flatMap(f -> f.cases().stream()).toList(),
                    schools.stream().flatMap(f -> f.visits().stream()).toList(),
                    schools.stream().flatMap(f -> f.alerts().stream()).toList(),
                    schools.stream().flatMap(f -> f.penalties().stream()).toList());
        }
    }

    /** The figures of each school, in the order given, for the school days from {@code from} to {@code to}. */
    List<Figures> figures(List<School> schools, LocalDate from, LocalDate to) {
        List<String> ids = schools.stream().map(School::id).toList();
        Instant start = from.atStartOfDay(EngineClock.SCHOOL_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(EngineClock.SCHOOL_ZONE).toInstant();
        LocalDate asOf = to.isBefore(EngineClock.today()) ? to : EngineClock.today();
        Map<String, List<CaseTiming>> cases = cases(ids, from, to, asOf);
        Map<String, List<VisitRow>> visits = visits(ids, start, end);
        Map<String, List<AlertResponse>> alerts = alerts(ids, start, end);
        Map<String, List<PenaltyPipeline.Count>> notices = penalties.counts(ids, from, to).stream()
                .collect(Collectors.groupingBy(PenaltyPipeline.Count::schoolId));
        return schools.stream().map(school -> new Figures(school.id(), school.name(),
                cases.getOrDefault(school.id(), List.of()), visits.getOrDefault(school.id(), List.of()),
                alerts.getOrDefault(school.id(), List.of()), notices.getOrDefault(school.id(), List.of()))).toList();
    }

    private Map<String, List<CaseTiming>> cases(List<String> schoolIds, LocalDate from, LocalDate to, LocalDate asOf) {
        Map<String, SchoolCalendar.SchoolDays> days = new HashMap<>();
        Map<String, Integer> limits = new HashMap<>();
        for (String id : schoolIds) {
            days.put(id, calendar.of(id));
            limits.put(id, profiles.forSchool(id).triggers().maxSchoolDaysWithoutEyesOn());
        }
        return jdbc.sql("""
                SELECT c.school_id, c.reference, c.pupil_id, p.first_name, p.last_name, c.opened_on, c.closed_on,
                       (SELECT MIN(a.attempted_at) FROM absence_contact_attempt a WHERE a.case_reference = c.reference) first_contact
                FROM absence_case c JOIN pupil p ON p.id = c.pupil_id
                WHERE c.school_id IN (:schools) AND c.opened_on >= :from AND c.opened_on <= :to
                ORDER BY c.opened_on, c.reference""")
                .param("schools", schoolIds).param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to))
                .query((row, n) -> {
                    String schoolId = row.getString("school_id");
                    LocalDate opened = row.getDate("opened_on").toLocalDate();
                    java.sql.Date closed = row.getDate("closed_on");
                    LocalDate seen = closed == null ? null : closed.toLocalDate();
                    Timestamp contact = row.getTimestamp("first_contact");
                    Instant contactAt = contact == null ? null : contact.toInstant();
                    SchoolCalendar.SchoolDays calendarDays = days.get(schoolId);
                    // Seen on day N: the days before it went unseen. Still unseen: every school day so far counts.
                    int unseen = seen != null ? calendarDays.schoolDaysBetween(opened, seen)
                            : calendarDays.schoolDaysBetween(opened.minusDays(1), asOf);
                    return new CaseTiming(schoolId, row.getString("reference"), row.getString("pupil_id"),
                            row.getString("first_name") + " " + row.getString("last_name"), opened, contactAt,
                            contactAt == null ? null : minutesAfterRegisterClosed(opened, contactAt), seen, unseen,
                            limits.get(schoolId));
                }).list().stream().collect(Collectors.groupingBy(CaseTiming::schoolId));
    }

    /** A call before the register closed (a parent rang first, the office rang back at once) counts as no wait at all. */
    static long minutesAfterRegisterClosed(LocalDate day, Instant contact) {
        Instant closes = day.atTime(REGISTER_CLOSES).atZone(EngineClock.SCHOOL_ZONE).toInstant();
        return Math.max(0, Duration.between(closes, contact).toMinutes());
    }

    private Map<String, List<VisitRow>> visits(List<String> schoolIds, Instant start, Instant end) {
        return jdbc.sql("""
                SELECT v.school_id, v.reference, v.pupil_id, p.first_name, p.last_name, v.status, v.requested_at
                FROM visit v JOIN pupil p ON p.id = v.pupil_id
                WHERE v.school_id IN (:schools) AND v.requested_at >= :start AND v.requested_at < :end ORDER BY v.requested_at""")
                .param("schools", schoolIds).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((row, n) -> new VisitRow(row.getString("school_id"), row.getString("reference"), row.getString("pupil_id"),
                        row.getString("first_name") + " " + row.getString("last_name"), row.getString("status"), row.getTimestamp("requested_at").toInstant()))
                .list().stream().collect(Collectors.groupingBy(VisitRow::schoolId));
    }

    /**
     * Each overdue step from the engine's history: raised when its task was created, taken when someone
     * first became its assignee (a claim or an assignment, in the identity-link history that full history
     * keeps whoever is signed in) or, failing that, when it was completed.
     */
    private Map<String, List<AlertResponse>> alerts(List<String> schoolIds, Instant start, Instant end) {
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processDefinitionKey(StaffSafetyProcess.KEY).taskDefinitionKeyIn(ALERT_STEPS.toArray(String[]::new))
                .tenantIdIn(schoolIds.toArray(String[]::new))
                .startedAfter(Date.from(start.minusMillis(1))).startedBefore(Date.from(end)).list();
        if (tasks.isEmpty()) {
            return Map.of();
        }
        Set<String> taskIds = tasks.stream().map(HistoricTaskInstance::getId).collect(Collectors.toSet());
        Map<String, Instant> assigned = new HashMap<>();
        for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
                .processDefinitionKey(StaffSafetyProcess.KEY).type(IdentityLinkType.ASSIGNEE).operationType("add")
                .tenantIdIn(schoolIds.toArray(String[]::new)).list()) {
            if (taskIds.contains(link.getTaskId())) {
                assigned.merge(link.getTaskId(), link.getTime().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, String> visitOf = history.createHistoricProcessInstanceQuery()
                .processInstanceIds(tasks.stream().map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(HistoricProcessInstance::getId,
                        instance -> instance.getBusinessKey() == null ? "" : instance.getBusinessKey()));
        return tasks.stream().map(task -> {
            Instant taken = assigned.get(task.getId());
            if (taken == null && "completed".equals(task.getDeleteReason())) {
                taken = task.getEndTime().toInstant();
            }
            return new AlertResponse(task.getTenantId(), visitOf.getOrDefault(task.getProcessInstanceId(), ""), task.getName(),
                    task.getStartTime().toInstant(), taken, task.getEndTime() == null);
        }).sorted(Comparator.comparing(AlertResponse::raisedAt)).collect(Collectors.groupingBy(AlertResponse::schoolId));
    }
}
