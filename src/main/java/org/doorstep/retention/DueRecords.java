package org.doorstep.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.security.Roles;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which records of a school are due for destruction as of a moment, by the rules of {@link RecordKind},
 * and their destruction. The list and the destruction read the same queries, so what a leader
 * confirmed is what goes.
 */
@Component
class DueRecords {

    /** One record: its key in its own table (a note's id, a visit's reference, a mark's pupil/date/session). */
    record Due(RecordKind kind, String key, String pupilId) {
    }

    private static final String MARK_KEY_SEPARATOR = "|";

    private final JdbcClient jdbc;
    private final PolicyProfiles profiles;
    private final HistoryService history;

    DueRecords(JdbcClient jdbc, PolicyProfiles profiles, HistoryService history) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.history = history;
    }

    Map<RecordKind, List<Due>> due(String schoolId, Instant asOf) {
        LocalDate today = asOf.atZone(EngineClock.SCHOOL_ZONE).toLocalDate();
        PolicyProfile.Retention retention = profiles.forSchool(schoolId).retention();
        // Born on or before this day: the 25th birthday has come.
        LocalDate bornBy = today.minusYears(25);
        Map<RecordKind, List<Due>> due = new EnumMap<>(RecordKind.class);
        due.put(RecordKind.SAFEGUARDING_NOTE, query(RecordKind.SAFEGUARDING_NOTE, """
                SELECT CAST(n.id AS VARCHAR(20)) AS record_key, v.pupil_id FROM visit_note n
                JOIN visit v ON v.reference = n.visit_reference JOIN pupil p ON p.id = v.pupil_id
                WHERE v.school_id = ? AND n.kind = 'SAFEGUARDING' AND p.date_of_birth <= ?""", schoolId, bornBy));
        due.put(RecordKind.REFERRAL, query(RecordKind.REFERRAL, """
                SELECT CAST(r.id AS VARCHAR(20)) AS record_key, c.pupil_id FROM absence_referral r
                JOIN absence_case c ON c.reference = r.case_reference JOIN pupil p ON p.id = c.pupil_id
                WHERE c.school_id = ? AND p.date_of_birth <= ?""", schoolId, bornBy));
        due.put(RecordKind.ATTENDANCE_MARK, jdbc.sql("""
                SELECT pupil_id, session_date, session FROM attendance_mark WHERE school_id = ? AND session_date <= ?""")
                .params(schoolId, today.minusYears(6))
                .query((row, n) -> new Due(RecordKind.ATTENDANCE_MARK, String.join(MARK_KEY_SEPARATOR, row.getString("pupil_id"),
                        row.getDate("session_date").toLocalDate().toString(), row.getString("session")), row.getString("pupil_id")))
                .list());
        Timestamp visitsEndedBy = Timestamp.from(asOf.atZone(EngineClock.SCHOOL_ZONE).minusYears(retention.visitRecordsYears()).toInstant());
        due.put(RecordKind.VISIT, withoutDslSteps(bornBy, query(RecordKind.VISIT, """
                SELECT v.reference AS record_key, v.pupil_id FROM visit v JOIN pupil p ON p.id = v.pupil_id
                WHERE v.school_id = ? AND v.ended_at <= ?
                  AND (p.date_of_birth <= ? OR NOT EXISTS (SELECT 1 FROM visit_note n
                       WHERE n.visit_reference = v.reference AND n.kind = 'SAFEGUARDING'))""", schoolId, visitsEndedBy, bornBy)));
        due.put(RecordKind.ABSENCE_CASE, withoutDslSteps(bornBy, query(RecordKind.ABSENCE_CASE, """
                SELECT c.reference AS record_key, c.pupil_id FROM absence_case c JOIN pupil p ON p.id = c.pupil_id
                WHERE c.school_id = ? AND c.closed_on <= ?
                  AND (p.date_of_birth <= ? OR NOT EXISTS (SELECT 1 FROM absence_referral r
                       WHERE r.case_reference = c.reference))""", schoolId, today.minusYears(retention.absenceCasesYears()), bornBy)));
        due.put(RecordKind.PUPIL, pupilsWithNothingElseLeft(due, query(RecordKind.PUPIL, """
                SELECT id AS record_key, id AS pupil_id FROM pupil
                WHERE school_id = ? AND left_on <= ? AND date_of_birth <= ?""",
                schoolId, today.minusYears(retention.pupilRecordYearsAfterLeaving()), bornBy)));
        return due;
    }

    private List<Due> query(RecordKind kind, String sql, Object... params) {
        return jdbc.sql(sql).params(params)
                .query((row, n) -> new Due(kind, row.getString("record_key"), row.getString("pupil_id"))).list();
    }

    /**
     * A visit or case whose process went through a DSL's step holds the DSL's decision in its history:
     * a child-protection record, kept whole to the pupil's 25th birthday.
     */
    private List<Due> withoutDslSteps(LocalDate bornBy, List<Due> candidates) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Set<String> grownUp = new HashSet<>(jdbc.sql("SELECT id FROM pupil WHERE id IN (:ids) AND date_of_birth <= :bornBy")
                .param("ids", candidates.stream().map(Due::pupilId).distinct().toList()).param("bornBy", bornBy)
                .query(String.class).list());
        return candidates.stream().filter(candidate -> grownUp.contains(candidate.pupilId())
                || processesOf(candidate.key()).stream().noneMatch(this::hadDslStep)).toList();
    }

    private boolean hadDslStep(String processInstanceId) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskHadCandidateGroup(Roles.DSL).count() > 0;
    }

    /**
     * The pupil goes last: only when every visit, case and register entry of theirs goes in the same run.
     * Penalty records (trigger.Penalties) and register duties and enquiries (register) have no rule here
     * yet: a pupil with any is kept.
     */
    private List<Due> pupilsWithNothingElseLeft(Map<RecordKind, List<Due>> due, List<Due> candidates) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<String> ids = candidates.stream().map(Due::pupilId).toList();
        Map<String, Long> held = new HashMap<>();
        for (String table : List.of("visit", "absence_case", "attendance_mark", "penalty_record", "register_duty", "register_enquiry")) {
            jdbc.sql("SELECT pupil_id, COUNT(*) AS held FROM " + table + " WHERE pupil_id IN (:ids) GROUP BY pupil_id")
                    .param("ids", ids)
                    .query((row, n) -> held.merge(row.getString("pupil_id"), row.getLong("held"), Long::sum)).list();
        }
        Map<String, Long> going = List.of(RecordKind.VISIT, RecordKind.ABSENCE_CASE, RecordKind.ATTENDANCE_MARK).stream().flatMap(kind -> due.get(kind).stream())
                .collect(Collectors.groupingBy(Due::pupilId, Collectors.counting()));
        return candidates.stream()
                .filter(candidate -> held.getOrDefault(candidate.pupilId(), 0L).equals(going.getOrDefault(candidate.pupilId(), 0L)))
                .toList();
    }

    /** Destroys the records, leaves first: notes and referrals, register entries, visits, cases, pupils. */
    void destroy(Map<RecordKind, List<Due>> due) {
        due.getOrDefault(RecordKind.SAFEGUARDING_NOTE, List.of())
                .forEach(note -> jdbc.sql("DELETE FROM visit_note WHERE id = ?").param(Long.parseLong(note.key())).update());
        due.getOrDefault(RecordKind.REFERRAL, List.of())
                .forEach(referral -> jdbc.sql("DELETE FROM absence_referral WHERE id = ?").param(Long.parseLong(referral.key())).update());
        due.getOrDefault(RecordKind.ATTENDANCE_MARK, List.of()).forEach(mark -> {
            String[] key = mark.key().split("\\" + MARK_KEY_SEPARATOR);
            for (String table : List.of("attendance_mark_history", "attendance_mark")) {
                jdbc.sql("DELETE FROM " + table + " WHERE pupil_id = ? AND session_date = ? AND session = ?")
                        .params(key[0], LocalDate.parse(key[1]), key[2]).update();
            }
        });
        due.getOrDefault(RecordKind.VISIT, List.of()).forEach(visit -> destroyVisit(visit.key()));
        due.getOrDefault(RecordKind.ABSENCE_CASE, List.of()).forEach(absenceCase -> destroyAbsenceCase(absenceCase.key()));
        due.getOrDefault(RecordKind.PUPIL, List.of()).forEach(pupil -> destroyPupil(pupil.key()));
    }

    private void destroyVisit(String reference) {
        List<String> processes = processesOf(reference);
        for (String sql : List.of(
                "DELETE FROM check_in WHERE visit_reference = ?",
                "DELETE FROM safety_watch_staff WHERE visit_reference = ?",
                "DELETE FROM safety_watch WHERE visit_reference = ?",
                "DELETE FROM document WHERE visit_reference = ?",
                "DELETE FROM risk_assessment WHERE visit_reference = ?",
                "DELETE FROM attendance_note WHERE visit_reference = ?",
                "DELETE FROM visit_note WHERE visit_reference = ?",
                "DELETE FROM notification_outbox WHERE visit_reference = ?",
                // Incidents are the school's health-and-safety record of its staff, kept on their own terms.
                "UPDATE incident SET visit_reference = NULL WHERE visit_reference = ?",
                "UPDATE visit SET previous_visit_reference = NULL WHERE previous_visit_reference = ?",
                "DELETE FROM visit WHERE reference = ?")) {
            jdbc.sql(sql).param(reference).update();
        }
        deleteHistory(processes);
    }

    private void destroyAbsenceCase(String reference) {
        List<String> processes = processesOf(reference);
        for (String sql : List.of(
                "DELETE FROM visit_list_entry WHERE action_id IN (SELECT id FROM absence_action WHERE case_reference = ?)",
                "DELETE FROM absence_action WHERE case_reference = ?",
                "DELETE FROM absence_contact_attempt WHERE case_reference = ?",
                "DELETE FROM absence_referral WHERE case_reference = ?",
                "DELETE FROM absence_case WHERE reference = ?")) {
            jdbc.sql(sql).param(reference).update();
        }
        deleteHistory(processes);
    }

    private void destroyPupil(String pupilId) {
        for (String table : List.of("contact", "pupil_flag", "pupil_history", "attendance_note", "risk_assessment")) {
            jdbc.sql("DELETE FROM " + table + " WHERE pupil_id = ?").param(pupilId).update();
        }
        jdbc.sql("DELETE FROM pupil WHERE id = ?").param(pupilId).update();
    }

    private void deleteHistory(List<String> processes) {
        if (!processes.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(processes);
        }
    }

    /**
     * The finished process instances of a visit (its home visit and its staff safety watch) or of an
     * absence case: each is started with the record's reference as its business key.
     */
    private List<String> processesOf(String reference) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).finished().list().stream()
                .map(HistoricProcessInstance::getId).toList();
    }
}
