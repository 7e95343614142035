package org.doorstep.trigger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doorstep.api.Problems;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Contact;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.trigger.PenaltyCounting.Mark;
import org.doorstep.trigger.PenaltyCounting.Notice;
import org.doorstep.trigger.PenaltyCounting.Status;
import org.doorstep.workflow.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A school's penalty-notice pipeline: the steps dmn/penalty-notice.dmn raised for each parent with parental
 * responsibility, pending until the office or headteacher issues or waives them, each with the register
 * marks it rests on. See docs/penalty-notices.md.
 */
@Service
class Penalties {

    static final String AUDIT_SUBJECT = "penalty_record";

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final PenaltyDecision decision;
    private final AuditTrail audit;

    Penalties(JdbcClient jdbc, SchoolDirectory directory, PenaltyDecision decision, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.decision = decision;
        this.audit = audit;
    }

    /** One record as the pipeline shows it; labels come from here, never from the client. */
    record Entry(long id, String pupilId, String pupilName, String parent, PenaltyStep step, String stepLabel,
            Status status, String statusLabel, LocalDate raisedOn, String reason, String codeOfConduct,
            LocalDate decidedOn, String decidedBy, String decisionNote, LocalDate improvementEndsOn, List<Mark> marks) {
    }

    private record Row(long id, String schoolId, String pupilId, String parentName, String step, String status,
            LocalDate raisedOn, String reason, String codeOfConduct, LocalDate decidedOn, String decidedBy,
            String decisionNote, LocalDate improvementEndsOn) {
    }

    /** The school's records, pending first, newest first. */
    List<Entry> pipeline(String schoolId) {
        List<Row> rows = jdbc.sql("""
                SELECT * FROM penalty_record WHERE school_id = ?
                ORDER BY CASE WHEN status = 'PENDING' THEN 0 ELSE 1 END, raised_on DESC, id DESC""")
                .param(schoolId).query(Row.class).list();
        Map<Long, List<Mark>> marks = marks(rows.stream().map(Row::id).toList());
        Map<String, String> names = new HashMap<>();
        return rows.stream().map(row -> entry(row, marks.getOrDefault(row.id(), List.of()),
                names.computeIfAbsent(row.pupilId(), id -> directory.pupil(id).map(p -> p.fullName()).orElse(id)))).toList();
    }

    /**
     * Decides the next step for each parent with parental responsibility for the pupil, and records every step
     * but "nothing" as pending, unless that parent already has one pending. Returns, in words, what was raised.
     */
    List<String> review(String schoolId, String pupilId, LocalDate day, SchoolCalendar.SchoolDays calendar,
            PolicyProfile profile) {
        List<String> raised = new ArrayList<>();
        LocalDate windowStart = PenaltyCounting.windowStart(calendar, day, profile.triggers().unauthorisedSessionsWindowWeeks());
        Map<String, List<Notice>> byParent = notices(pupilId);
        // From the window or the oldest notice to improve, whichever is earlier: a period's absence counts.
        LocalDate from = byParent.values().stream().flatMap(List::stream)
                .filter(n -> n.step() == PenaltyStep.NOTICE_TO_IMPROVE).map(Notice::on)
                .filter(windowStart::isAfter).min(LocalDate::compareTo).orElse(windowStart);
        List<Mark> marks = jdbc.sql("""
                SELECT session_date, session, code FROM attendance_mark
                WHERE pupil_id = ? AND category = 'U' AND session_date BETWEEN ? AND ?""")
                .params(pupilId, Date.valueOf(from), Date.valueOf(day))
                .query((rs, n) -> new Mark(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3))).list();
        for (Contact parent : directory.contacts(pupilId)) {
            if (!parent.parentalResponsibility() || pending(pupilId, parent.name())) {
                continue;
            }
            PenaltyCounting.Count count = PenaltyCounting.count(day, windowStart, marks,
                    byParent.getOrDefault(parent.name(), List.of()));
            PenaltyDecision.Outcome outcome = decision.evaluate(count.facts(), profile.triggers().unauthorisedSessionsForNotice(),
                    profile.penalties());
            if (outcome.step() == PenaltyStep.NOTHING) {
                continue;
            }
            long id = insert(schoolId, pupilId, parent.name(), outcome, day, profile.penalties().codeOfConduct(), count.marks());
            raised.add(outcome.step().label() + " for " + parent.name() + " (pending, record " + id + ")");
        }
        return raised;
    }

    /**
     * Pupils whose notice to improve ended by {@code day} and is not yet followed by another step: reviewed
     * even when not absent today, so that the end of a period without improvement is not missed.
     */
    List<String> pupilsWithEndedImprovementPeriods(String schoolId, LocalDate day) {
        return jdbc.sql("""
                SELECT DISTINCT n.pupil_id FROM penalty_record n
                WHERE n.school_id = ? AND n.step = 'NOTICE_TO_IMPROVE' AND n.status = 'ISSUED' AND n.improvement_ends_on < ?
                AND NOT EXISTS (SELECT 1 FROM penalty_record later WHERE later.pupil_id = n.pupil_id
                    AND later.parent_name = n.parent_name AND later.status <> 'WAIVED' AND later.id <> n.id
                    AND later.raised_on >= n.decided_on)""")
                .params(schoolId, Date.valueOf(day)).query(String.class).list();
    }

    /** Per pupil and day, how many of its unauthorised sessions a standing record already rests on. */
    Map<String, Map<LocalDate, Integer>> usedSessions(String schoolId, LocalDate from) {
        Map<String, Map<LocalDate, Integer>> used = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT r.pupil_id, m.session_date, m.session FROM penalty_record_mark m
                JOIN penalty_record r ON r.id = m.record_id
                WHERE r.school_id = ? AND r.status <> 'WAIVED' AND m.session_date >= ?""")
                .params(schoolId, Date.valueOf(from))
                .query(rs -> {
                    used.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                            .merge(rs.getDate(2).toLocalDate(), 1, Integer::sum);
                });
        return used;
    }

    /** Issues a pending record on {@code on}; a notice to improve starts its improvement period that day. */
    @Transactional
    Entry issue(String schoolId, long id, LocalDate on, String note, PolicyProfile.Penalties code, String actor) {
        Row row = pendingRow(schoolId, id);
        LocalDate ends = PenaltyStep.valueOf(row.step()) == PenaltyStep.NOTICE_TO_IMPROVE
                ? on.plusWeeks(code.improvementPeriodWeeks()) : null;
        jdbc.sql("""
                UPDATE penalty_record SET status = 'ISSUED', decided_on = ?, decided_by = ?, decision_note = ?,
                improvement_ends_on = ? WHERE id = ?""")
                .params(Date.valueOf(on), actor, note, ends == null ? null : Date.valueOf(ends), id).update();
        audit.record(actor, "PENALTY_ISSUED", AUDIT_SUBJECT, String.valueOf(id), row.step() + " issued on " + on
                + (ends == null ? "" : ", improvement period to " + ends));
        return one(schoolId, id);
    }

    /** Waives (withdraws) a pending record: it does not count towards the limit and its marks count again. */
    @Transactional
    Entry waive(String schoolId, long id, String reason, String actor) {
        Row row = pendingRow(schoolId, id);
        if (reason == null || reason.isBlank()) {
            throw Problems.badField("reason", "Say why the step is waived");
        }
        jdbc.sql("UPDATE penalty_record SET status = 'WAIVED', decided_on = ?, decided_by = ?, decision_note = ? WHERE id = ?")
                .params(Date.valueOf(EngineClock.today()), actor, reason, id).update();
        audit.record(actor, "PENALTY_WAIVED", AUDIT_SUBJECT, String.valueOf(id), row.step() + " waived");
        return one(schoolId, id);
    }

    private Row pendingRow(String schoolId, long id) {
        Row row = jdbc.sql("SELECT * FROM penalty_record WHERE id = ? AND school_id = ?").params(id, schoolId)
                .query(Row.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No penalty record " + id + " at this school"));
        if (!Status.PENDING.name().equals(row.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Penalty record " + id + " is already " + Status.valueOf(row.status()).label().toLowerCase());
        }
        return row;
    }

    private Entry one(String schoolId, long id) {
        return pipeline(schoolId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private long insert(String schoolId, String pupilId, String parent, PenaltyDecision.Outcome outcome, LocalDate day,
            String codeOfConduct, List<Mark> marks) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO penalty_record (school_id, pupil_id, parent_name, step, status, raised_on, reason, code_of_conduct)
                VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(schoolId, pupilId, parent, outcome.step().name(), Date.valueOf(day), outcome.reason(), codeOfConduct)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (Mark mark : marks) {
            jdbc.sql("INSERT INTO penalty_record_mark (record_id, session_date, session, code) VALUES (?, ?, ?, ?)")
                    .params(id, Date.valueOf(mark.date()), mark.session(), mark.code()).update();
        }
        audit.record(AbsenceCases.SYSTEM_ACTOR, "PENALTY_RAISED", AUDIT_SUBJECT, String.valueOf(id),
                outcome.step() + " for pupil " + pupilId + " on " + marks.size() + " marks");
        return id;
    }

    private boolean pending(String pupilId, String parent) {
        return jdbc.sql("SELECT COUNT(*) FROM penalty_record WHERE pupil_id = ? AND parent_name = ? AND status = 'PENDING'")
                .params(pupilId, parent).query(Integer.class).single() > 0;
    }

    private Map<String, List<Notice>> notices(String pupilId) {
        List<Row> rows = jdbc.sql("SELECT * FROM penalty_record WHERE pupil_id = ? ORDER BY id").param(pupilId).query(Row.class).list();
        Map<Long, List<Mark>> marks = marks(rows.stream().map(Row::id).toList());
        Map<String, List<Notice>> byParent = new LinkedHashMap<>();
        for (Row row : rows) {
            Status status = Status.valueOf(row.status());
            byParent.computeIfAbsent(row.parentName(), p -> new ArrayList<>()).add(new Notice(PenaltyStep.valueOf(row.step()),
                    status, status == Status.ISSUED ? row.decidedOn() : row.raisedOn(), row.improvementEndsOn(),
                    Set.copyOf(marks.getOrDefault(row.id(), List.of()))));
        }
        return byParent;
    }

    private Map<Long, List<Mark>> marks(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Mark>> marks = new HashMap<>();
        jdbc.sql("SELECT record_id, session_date, session, code FROM penalty_record_mark WHERE record_id IN (:ids) ORDER BY session_date, session")
                .param("ids", ids)
                .query(rs -> {
                    marks.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Mark(rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)));
                });
        return marks;
    }

    private static Entry entry(Row row, List<Mark> marks, String pupilName) {
        PenaltyStep step = PenaltyStep.valueOf(row.step());
        Status status = Status.valueOf(row.status());
        return new Entry(row.id(), row.pupilId(), pupilName, row.parentName(), step, step.label(), status, status.label(),
                row.raisedOn(), row.reason(), row.codeOfConduct(), row.decidedOn(), row.decidedBy(), row.decisionNote(),
                row.improvementEndsOn(), marks);
    }

    static String summary(List<String> raised) {
        return raised.isEmpty() ? "" : " Penalty framework: " + String.join("; ", raised) + ".";
    }
}
