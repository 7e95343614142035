package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.ADDRESS;
import static org.doorstep.safety.StaffSafetyProcess.Variables.DRILL;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PEOPLE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PUPIL_ID;
import static org.doorstep.safety.StaffSafetyProcess.Variables.SCHOOL_ID;
import static org.doorstep.safety.StaffSafetyProcess.Variables.SIGNED_OUT_BY;
import static org.doorstep.safety.StaffSafetyProcess.Variables.STAFF_USER_IDS;
import static org.doorstep.safety.StaffSafetyProcess.Variables.TASK_SUBJECT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.TRANSPORT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.SafetyWatches.Watch;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.Staff;
import org.doorstep.security.Roles;
import org.doorstep.security.SchoolAccess;
import org.doorstep.web.ShownTime;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.TaskSubject;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Drills of the overdue chain (HSE INDG73, "Working alone": test the procedures). A senior leader or the
 * headteacher starts one for a visit out now, or for none; it runs as a staff-safety watch of its own,
 * business key = the drill's reference, so the real visit's watch never sees it. The watch's
 * {@link StaffSafetyProcess.Variables#DRILL} flag makes every task, alert, board row and briefing say DRILL
 * and names the numbers outside the school instead of giving them; its staff list is empty, so nobody
 * out on a real visit is texted or asked to check in. The arrival call is missed at once: the chain
 * starts straight away. The report reads the engine's history: each step, when it was raised and when
 * someone claimed or completed it.
 */
@Service
class Drills {

    /** The pupil of a drill on no real visit: no pupil, so no home numbers either. */
    static final String NO_PUPIL = "DRILL";
    static final String NO_REAL_VISIT = "Drill: no real visit";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final SafetyWatches watches;
    private final SchoolDirectory directory;
    private final SchoolAccess access;
    private final AuditTrail audit;

    Drills(JdbcClient jdbc, RuntimeService runtime, HistoryService history, SafetyWatches watches, SchoolDirectory directory,
            SchoolAccess access, AuditTrail audit) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.watches = watches;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
    }

    record Drill(String reference, String schoolId, String visitReference, String startedBy, Instant startedAt, Instant endedAt) {

        public String about() {
            return visitReference == null ? NO_REAL_VISIT : "Drill of visit " + visitReference;
        }
    }

    /** One step of the drill's chain: when it was raised and how long until someone took it up. */
    record Step(String step, String raisedAt, String acknowledgedAt, String acknowledgedBy, String acknowledgement,
            Long acknowledgedAfterSeconds) {
    }

    /** A visit out now that a drill may be modelled on. */
    record OutNow(String visitReference, String label) {
    }

    /** Senior leaders and the headteacher run drills: the drill tests the chain they answer for. */
    static boolean mayRun(Authentication user) {
        return user.getAuthorities().stream().map(Object::toString)
                .anyMatch(a -> a.equals(Roles.authority(Roles.SENIOR_LEADERS)) || a.equals(Roles.authority(Roles.HEADTEACHER)));
    }

    /**
     * Starts a drill at {@code schoolId} modelled on the visit out now {@code visitReference}, or on no visit
     * (null): the visit's people, address and vehicle make the briefing realistic; nothing of it is changed.
     */
    @Transactional
    String start(Authentication user, String schoolId, String visitReference) {
        requireRunner(user);
        Optional<Watch> real = Optional.empty();
        if (visitReference != null && !visitReference.isBlank()) {
            real = watches.find(visitReference).filter(watch -> !watch.ended() && !watch.drill());
            if (real.isEmpty() || !access.canAccess(user, real.get().schoolId())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No visit " + visitReference + " out now in your schools");
            }
            schoolId = real.get().schoolId();
        }
        if (schoolId == null || !access.canAccess(user, schoolId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No school " + schoolId + " in your schools");
        }
        Instant now = EngineClock.now();
        String provisional = UUID.randomUUID().toString().substring(0, 32);
        jdbc.sql("INSERT INTO drill (reference, school_id, visit_reference, started_by, started_at) VALUES (?, ?, ?, ?, ?)")
                .params(provisional, schoolId, real.map(Watch::visitReference).orElse(null), user.getName(), Timestamp.from(now))
                .update();
        long id = jdbc.sql("SELECT id FROM drill WHERE reference = ?").param(provisional).query(Long.class).single();
        String reference = "DRILL-%05d".formatted(id);
        jdbc.sql("UPDATE drill SET reference = ? WHERE id = ?").params(reference, id).update();

        Map<String, Object> variables = new HashMap<>();
        DRILL.putInto(variables, true);
        VISIT_REFERENCE.putInto(variables, reference);
        SCHOOL_ID.putInto(variables, schoolId);
        PUPIL_ID.putInto(variables, real.map(Watch::pupilId).orElse(NO_PUPIL));
        String about = real.map(watch -> "DRILL of " + watch.visitReference() + ", "
                + directory.pupil(watch.pupilId()).map(Pupil::fullName).orElse(watch.pupilId())).orElse("DRILL, no real visit");
        TASK_SUBJECT.putInto(variables, TaskSubject.of(about, reference));
        STAFF_USER_IDS.putInto(variables, ""); // nobody on the drill's watch: no check-in page, no reminder texts
        // Names only: the staff of a real visit are out there now, and a drill must not have them rung.
        PEOPLE.putInto(variables, DrillMark.MARK + real.map(watch -> directory.staff(watch.staff()).stream().map(Staff::fullName)
                .collect(Collectors.joining(", "))).filter(names -> !names.isBlank()).orElse("the visiting staff (no real visit)"));
        ADDRESS.putInto(variables, DrillMark.MARK + real.map(Watch::address).orElse("no real address"));
        TRANSPORT.putInto(variables, real.map(Watch::transport).orElse(null));
        SIGNED_OUT_BY.putInto(variables, user.getName());
        runtime.startProcessInstanceByKey(StaffSafetyProcess.KEY, reference, variables);
        audit.record(user.getName(), "DRILL_STARTED", "drill", reference, about);
        return reference;
    }

    /** Ends the drill's watch (its row leaves the board); the report stays. */
    @Transactional
    void end(Authentication user, String reference) {
        requireRunner(user);
        Drill drill = find(user, reference);
        if (drill.endedAt() != null) {
            return;
        }
        runtime.createProcessInstanceQuery().processDefinitionKey(StaffSafetyProcess.KEY).processInstanceBusinessKey(reference)
                .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "drill ended by " + user.getName()));
        jdbc.sql("UPDATE drill SET ended_at = ? WHERE reference = ?").params(Timestamp.from(EngineClock.now()), reference).update();
        audit.record(user.getName(), "DRILL_ENDED", "drill", reference, null);
    }

    Drill find(Authentication user, String reference) {
        return jdbc.sql("SELECT reference, school_id, visit_reference, started_by, started_at, ended_at FROM drill WHERE reference = ?")
                .param(reference).query(Drill.class).optional()
                .filter(drill -> access.canAccess(user, drill.schoolId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No drill " + reference + " in your schools"));
    }

    /** The user's schools' drills, newest first. */
    List<Drill> recent(Authentication user) {
        var mine = access.accessibleSchools(user);
        return jdbc.sql("SELECT reference, school_id, visit_reference, started_by, started_at, ended_at FROM drill "
                        + "ORDER BY started_at DESC LIMIT 200")
                .query(Drill.class).list().stream().filter(drill -> mine.test(drill.schoolId())).toList();
    }

    /** The real visits out now in the user's schools, for the page's choice. */
    List<OutNow> outNow(Authentication user) {
        var mine = access.accessibleSchools(user);
        return watches.open().stream().filter(watch -> !watch.drill() && mine.test(watch.schoolId()))
                .map(watch -> new OutNow(watch.visitReference(), watch.visitReference() + ": "
                        + directory.pupil(watch.pupilId()).map(Pupil::fullName).orElse(watch.pupilId())))
                .toList();
    }

    /**
     * The drill's steps in the order they were raised. Acknowledged is the first claim, else the completion:
     * whichever came first shows someone had taken the step up. A step whose deadline passed unclaimed was
     * not acknowledged.
     */
    List<Step> report(Drill drill) {
        return history.createHistoricTaskInstanceQuery().processDefinitionKey(StaffSafetyProcess.KEY)
                .processInstanceBusinessKey(drill.reference()).orderByHistoricActivityInstanceStartTime().asc().list()
                .stream().map(this::step).toList();
    }

    private Step step(HistoricTaskInstance task) {
        Optional<HistoricIdentityLinkLog> claim = history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
                .type(IdentityLinkType.ASSIGNEE).operationType("add").orderByTime().asc().list().stream().findFirst();
        boolean completed = "completed".equals(task.getDeleteReason());
        Instant acknowledged = claim.map(log -> log.getTime().toInstant())
                .orElse(completed ? task.getEndTime().toInstant() : null);
        String by = claim.map(HistoricIdentityLinkLog::getUserId).orElse(task.getAssignee());
        String how = claim.isPresent() ? "Claimed" : completed ? "Completed"
                : task.getEndTime() == null ? "Waiting" : "Not acknowledged: " + (task.getDeleteReason() == null
                        ? "ended" : task.getDeleteReason().startsWith("drill ended") ? "the drill ended" : "the deadline passed");
        Instant raised = task.getStartTime().toInstant();
        return new Step(task.getName(), ShownTime.at(raised), acknowledged == null ? null : ShownTime.at(acknowledged),
                acknowledged == null ? null : by == null ? "not recorded" : by, how,
                acknowledged == null ? null : Duration.between(raised, acknowledged).toSeconds());
    }

    private static void requireRunner(Authentication user) {
        if (!mayRun(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only senior leaders and the headteacher run drills");
        }
    }
}
