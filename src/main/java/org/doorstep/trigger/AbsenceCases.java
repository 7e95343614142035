package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CASE_REFERENCE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CLOSE_REASON;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.DECISION_SUMMARY;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.PUPIL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.PUPIL_NAME;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SCHOOL_ID;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Pupil;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.RowMapper;
import org.doorstep.workflow.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Absence cases and what happened in them: actions due, contact attempts, referrals, closing. */
@Service
public class AbsenceCases {

    static final String SYSTEM_ACTOR = Actor.ABSENCE_CHECK;

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;

    AbsenceCases(JdbcClient jdbc, RuntimeService runtimeService, AuditTrail audit) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    public record AbsenceCase(String reference, String pupilId, String schoolId, LocalDate openedOn, LocalDate closedOn,
            String closeReason, String processInstanceId, boolean contactMade, boolean reasonGiven,
            boolean whereaboutsUnknown, boolean safeguardingIndicators, LocalDate lastSeenOn) {

        public boolean open() {
            return closedOn == null;
        }
    }

    /**
     * A need recorded in a case. A "must" duty (the profile's triggers.mustVisits) is recorded as numbered
     * attempts; {@code unmetOn} says when an attempt ended without the child seen, so the next may be raised.
     */
    public record Action(long id, String caseReference, String actionKey, TriggerAction action, LocalDate dueOn,
            String reason, String visitReference, boolean mustDuty, LocalDate unmetOn) {
    }

    private static final String ACTION_COLUMNS =
            "id, case_reference, action_key, action, due_on, reason, visit_reference, must_duty, unmet_on";

    public record Referral(long id, String caseReference, String kind, String decision, String sentTo, String summary,
            String decidedBy, Instant decidedAt) {

        /** Where the referral's PDF summary is read (DSL and headteacher). */
        @JsonProperty("summaryPdf")
        public String summaryPdf() {
            return "/api/absence-cases/" + caseReference + "/referrals/" + id + "/summary.pdf";
        }

        /** A CME referral also goes to the LA as the DfE's CME XML message (docs/cme-referral.md); others have none. */
        @JsonProperty("cmeXml")
        public String cmeXml() {
            return TriggerAction.CME_REFERRAL.name().equals(kind)
                    ? "/api/absence-cases/" + caseReference + "/referrals/" + id + "/cme.xml"
                    : null;
        }
    }

    public record ContactAttempt(String methods, boolean reached, String notes, String attemptedBy, Instant attemptedAt) {
    }

    private static final String CASE_COLUMNS = """
            reference, pupil_id, school_id, opened_on, closed_on, close_reason, process_instance_id, contact_made,
            reason_given, whereabouts_unknown, safeguarding_indicators, last_seen_on""";

    /*
     * Rows are mapped by hand, column by column in the SELECT's order: mapping them by record class (JdbcClient's
     * query(Class)) made the pupil page, which reads all four, several times slower (docs/benchmarks.md "Pages").
     */
    private static final RowMapper<AbsenceCase> CASE = (rs, row) -> new AbsenceCase(rs.getString(1), rs.getString(2),
            rs.getString(3), day(rs.getDate(4)), day(rs.getDate(5)), rs.getString(6), rs.getString(7), rs.getBoolean(8),
            rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), day(rs.getDate(12)));

    private static final RowMapper<Action> ACTION = (rs, row) -> new Action(rs.getLong(1), rs.getString(2), rs.getString(3),
            TriggerAction.valueOf(rs.getString(4)), day(rs.getDate(5)), rs.getString(6), rs.getString(7), rs.getBoolean(8),
            day(rs.getDate(9)));

    private static final RowMapper<Referral> REFERRAL = (rs, row) -> new Referral(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)));

    private static final RowMapper<ContactAttempt> CONTACT_ATTEMPT = (rs, row) -> new ContactAttempt(rs.getString(1),
            rs.getBoolean(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)));

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public Optional<AbsenceCase> find(String reference) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM absence_case WHERE reference = ?").param(reference)
                .query(CASE).optional();
    }

    public Optional<AbsenceCase> openCase(String pupilId) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM absence_case WHERE open_pupil_id = ?").param(pupilId)
                .query(CASE).optional();
    }

    public List<AbsenceCase> cases(String pupilId) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM absence_case WHERE pupil_id = ? ORDER BY opened_on")
                .param(pupilId).query(CASE).list();
    }

    Map<String, AbsenceCase> openCases(String schoolId) {
        Map<String, AbsenceCase> cases = new HashMap<>();
        jdbc.sql("SELECT " + CASE_COLUMNS + " FROM absence_case WHERE school_id = ? AND closed_on IS NULL")
                .param(schoolId).query(CASE).list().forEach(c -> cases.put(c.pupilId(), c));
        return cases;
    }

    public List<Action> actions(String reference) {
        return jdbc.sql("SELECT " + ACTION_COLUMNS + " FROM absence_action WHERE case_reference = ? ORDER BY id")
                .param(reference).query(ACTION).list();
    }

    Optional<Action> action(String reference, String actionKey) {
        return jdbc.sql("SELECT " + ACTION_COLUMNS + " FROM absence_action WHERE case_reference = ? AND action_key = ?")
                .params(reference, actionKey).query(ACTION).optional();
    }

    /** The case's attempt at this need that has not ended unmet (a need raised once has just one). */
    Optional<Action> openAttempt(String reference, TriggerAction action) {
        return jdbc.sql("SELECT " + ACTION_COLUMNS
                        + " FROM absence_action WHERE case_reference = ? AND action = ? AND unmet_on IS NULL ORDER BY id DESC")
                .params(reference, action.name()).query(ACTION).list().stream().findFirst();
    }

    /** The open "must" attempt this visit answers, in a case still open (the child not seen since). */
    Optional<Action> openMustAttemptFor(String visitReference) {
        return jdbc.sql("SELECT " + ACTION_COLUMNS.replaceAll("(\\w+)", "a.$1")
                        + " FROM absence_action a JOIN absence_case c ON c.reference = a.case_reference"
                        + " WHERE a.visit_reference = ? AND a.must_duty AND a.unmet_on IS NULL AND c.closed_on IS NULL")
                .param(visitReference).query(ACTION).optional();
    }

    /** The attempt failed and the child is still unseen: the next evaluation raises the duty again. */
    void attemptUnmet(Action attempt, String why, String actor) {
        jdbc.sql("UPDATE absence_action SET unmet_on = ? WHERE id = ?").params(Date.valueOf(EngineClock.today()), attempt.id()).update();
        audit.record(actor, "ABSENCE_ACTION_UNMET", "absence_case", attempt.caseReference(), attempt.action() + ": " + why);
    }

    public List<Referral> referrals(String reference) {
        return jdbc.sql("""
                SELECT id, case_reference, kind, decision, sent_to, summary, decided_by, decided_at FROM absence_referral
                WHERE case_reference = ? ORDER BY id""").param(reference).query(REFERRAL).list();
    }

    public Optional<Referral> referral(long id) {
        return jdbc.sql("""
                SELECT id, case_reference, kind, decision, sent_to, summary, decided_by, decided_at FROM absence_referral
                WHERE id = ?""").param(id).query(REFERRAL).optional();
    }

    public List<ContactAttempt> contactAttempts(String reference) {
        return jdbc.sql("""
                SELECT methods, reached, notes, attempted_by, attempted_at FROM absence_contact_attempt
                WHERE case_reference = ? ORDER BY id""").param(reference).query(CONTACT_ATTEMPT).list();
    }

    /**
     * Opens the case row and starts its process already at the actions due today ({@code first}: none of them a
     * visit, which the evaluation requests one at a time later): one engine command, where starting and then
     * correlating a message per action took two or more. The policy is applied first, as the instructions run in
     * order, so the actions' tasks find their candidate groups. The unique open_pupil_id refuses a second open case.
     */
    @Transactional
    String open(Pupil pupil, LocalDate day, String decisionSummary, List<TriggerDecision.Due> first) {
        String reference = "AC-" + pupil.id() + "-" + day;
        jdbc.sql("""
                INSERT INTO absence_case (reference, pupil_id, school_id, open_pupil_id, opened_on)
                VALUES (?, ?, ?, ?, ?)""")
                .params(reference, pupil.id(), pupil.schoolId(), pupil.id(), Date.valueOf(day)).update();
        Map<String, Object> variables = new HashMap<>();
        CASE_REFERENCE.putInto(variables, reference);
        SCHOOL_ID.putInto(variables, pupil.schoolId());
        PUPIL_ID.putInto(variables, pupil.id());
        PUPIL_NAME.putInto(variables, pupil.fullName());
        DECISION_SUMMARY.putInto(variables, decisionSummary);
        ProcessInstantiationBuilder start = runtimeService.createProcessInstanceByKey(AbsenceCaseProcess.KEY)
                .businessKey(reference).setVariables(variables)
                .startBeforeActivity(AbsenceCaseProcess.Elements.START);
        // The decision asks for each action at most once (TriggerDecision.evaluate); none here is a visit, so none
        // is a "must" duty (triggers.mustVisits names visits only).
        for (TriggerDecision.Due action : first) {
            insertAction(reference, action.action().keyFor(day), action.action(), day, action.reason(), false);
            start.startBeforeActivity(AbsenceCaseProcess.Elements.startOf(action.action()));
        }
        ProcessInstance instance = start.execute();
        jdbc.sql("UPDATE absence_case SET process_instance_id = ? WHERE reference = ?").params(instance.getId(), reference).update();
        audit.record(SYSTEM_ACTOR, "ABSENCE_CASE_OPENED", "absence_case", reference, decisionSummary);
        first.forEach(action -> auditDue(reference, action.action(), action.reason()));
        return reference;
    }

    /**
     * Records the action as due and tells the case, unless the same need was already recorded: the
     * unique (case, action key) is what makes a second run of the day harmless. A "must" duty
     * ({@code must}) is raised again once its last attempt ended unmet, never while one is open.
     */
    @Transactional
    boolean actionDue(String reference, TriggerAction action, LocalDate day, String reason, String decisionSummary,
            boolean must) {
        String key;
        if (must) {
            List<Action> attempts = jdbc.sql("SELECT " + ACTION_COLUMNS + " FROM absence_action WHERE case_reference = ? AND action = ?")
                    .params(reference, action.name()).query(ACTION).list();
            if (attempts.stream().anyMatch(a -> a.unmetOn() == null)) {
                return false;
            }
            key = action.name() + "#" + (attempts.size() + 1);
        } else {
            key = action.keyFor(day);
            if (action(reference, key).isPresent()) {
                return false;
            }
        }
        insertAction(reference, key, action, day, reason, must);
        runtimeService.createMessageCorrelation(AbsenceCaseProcess.Messages.dueFor(action))
                .processInstanceBusinessKey(reference)
                .setVariable(DECISION_SUMMARY.name(), decisionSummary)
                .correlateWithResult();
        auditDue(reference, action, reason);
        return true;
    }

    private void insertAction(String reference, String key, TriggerAction action, LocalDate day, String reason, boolean must) {
        jdbc.sql("INSERT INTO absence_action (case_reference, action_key, action, due_on, reason, must_duty) VALUES (?, ?, ?, ?, ?, ?)")
                .params(reference, key, action.name(), Date.valueOf(day), reason, must).update();
    }

    private void auditDue(String reference, TriggerAction action, String reason) {
        audit.record(SYSTEM_ACTOR, "ABSENCE_ACTION_DUE", "absence_case", reference, action + ": " + reason);
    }

    void visitRequested(long actionId, String visitReference) {
        jdbc.sql("UPDATE absence_action SET visit_reference = ? WHERE id = ?").params(visitReference, actionId).update();
    }

    /** The child was seen (in school, or by staff or a verified professional): the episode ends. */
    @Transactional
    public boolean childSeen(String pupilId, LocalDate day, String reason, String actor) {
        Optional<AbsenceCase> open = openCase(pupilId);
        jdbc.sql("UPDATE absence_case SET last_seen_on = ? WHERE open_pupil_id = ?").params(Date.valueOf(day), pupilId).update();
        if (open.isEmpty()) {
            return false;
        }
        audit.record(actor, "CHILD_SEEN", "absence_case", open.get().reference(), reason);
        runtimeService.createMessageCorrelation(AbsenceCaseProcess.Messages.CHILD_SEEN)
                .processInstanceBusinessKey(open.get().reference())
                .setVariable(CLOSE_REASON.name(), reason)
                .correlateWithResult();
        return true;
    }

    void close(String reference, String reason) {
        jdbc.sql("UPDATE absence_case SET closed_on = ?, close_reason = ?, open_pupil_id = NULL WHERE reference = ?")
                .params(Date.valueOf(EngineClock.today()), reason, reference).update();
        audit.record(SYSTEM_ACTOR, "ABSENCE_CASE_CLOSED", "absence_case", reference, reason);
    }

    void recordContactAttempts(String reference, String methods, boolean reached, boolean reasonGiven,
            boolean whereaboutsUnknown, boolean safeguarding, String notes, String actor) {
        jdbc.sql("""
                INSERT INTO absence_contact_attempt (case_reference, methods, reached, notes, attempted_by, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(reference, methods, reached, notes, actor, Timestamp.from(EngineClock.now())).update();
        // Flags only ever go one way within an episode: once the family is reached, it has been reached.
        jdbc.sql("""
                UPDATE absence_case SET contact_made = (contact_made OR ?), reason_given = (reason_given OR ?),
                    whereabouts_unknown = ?, safeguarding_indicators = (safeguarding_indicators OR ?)
                WHERE reference = ?""")
                .params(reached, reasonGiven, whereaboutsUnknown, safeguarding, reference).update();
        audit.record(actor, "CONTACT_ATTEMPTS_LOGGED", "absence_case", reference,
                methods + (reached ? "; family reached" : "; not reached"));
    }

    long recordReferral(String reference, String kind, String decision, String sentTo, String summary, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO absence_referral (case_reference, kind, decision, sent_to, summary, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(reference, kind, decision, sentTo, summary, actor, Timestamp.from(EngineClock.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record(actor, "ABSENCE_REFERRAL_RECORDED", "absence_case", reference, kind + ": " + decision + " (#" + id + ")");
        return id;
    }
}
