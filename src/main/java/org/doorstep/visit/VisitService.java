package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ANNOUNCED;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAS_SOCIAL_WORKER;
import static org.doorstep.visit.HomeVisitProcess.Variables.HOME_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.TASK_SUBJECT;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_INVOLVED;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.api.Problems;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.TaskSubject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts home visits: one process instance per visit, its business key the visit's reference. */
@Service
public class VisitService {

    /** The reasons a visit may be requested for (issue 3, step 1; policy matrix "Why visits happen"). */
    public static final List<String> REASONS = VisitReason.codes();
    public static final String SAFEGUARDING = VisitReason.SAFEGUARDING.code();
    public static final String SAFE_AND_WELL = VisitReason.SAFE_AND_WELL.code();
    /** The same request again within this time is taken as a repeat of the first, not a second visit. */
    static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);
    /** Requested directly at a school with a weekly visit list: recorded, not started until the list is signed. */
    public static final String AWAITING_LIST = "AWAITING_LIST";

    private final SchoolDirectory directory;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PolicyProfiles profiles;
    private final VisitReferences references;
    private final ApplicationEventPublisher events;

    VisitService(SchoolDirectory directory, RuntimeService runtimeService, JdbcClient jdbc, AuditTrail audit,
            PolicyProfiles profiles, VisitReferences references, ApplicationEventPublisher events) {
        this.events = events;
        this.directory = directory;
        this.references = references;
        this.profiles = profiles;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * What a visit request says. {@code hasSocialWorker} and {@code announced} may be null: the pupil's
     * record and the school's appointment rule then decide.
     */
    public record VisitRequest(String pupilId, String reason, String requestedBy, Boolean hasSocialWorker,
            Boolean announced, String previousVisitReference) {

        public VisitRequest(String pupilId, String reason, String requestedBy) {
            this(pupilId, reason, requestedBy, null, null, null);
        }
    }

    @Transactional
    public ProcessInstance requestVisit(String pupilId, String reason, String requestedBy) {
        return requestVisit(new VisitRequest(pupilId, reason, requestedBy));
    }

    @Transactional
    public ProcessInstance requestVisit(VisitRequest request) {
        return start(request, false);
    }

    /**
     * A visit requested directly (the REST API). A request that repeats one the same person made for the same
     * pupil and reason moments ago (a double click, a retried POST) is refused with the first visit's reference
     * instead of starting a second visit. Where the school's policy has a
     * weekly visit list (authorisation.visitListRequired; Thames View 3.3 "approved and signed ... before any
     * visits occur", Lynnfield 4) the visit is recorded as AWAITING_LIST and waits on the list, like a visit the
     * absence ladder raised. Answers the visit's reference.
     */
    @Transactional
    String requestDirectly(VisitRequest request) {
        Pupil pupil = checked(request);
        if (!profiles.forSchool(pupil.schoolId()).authorisation().visitListRequired()) {
            return startChecked(pupil, request, true).getBusinessKey();
        }
        String reference = record(pupil, request, true, AWAITING_LIST);
        jdbc.sql("UPDATE visit SET requested_announced = ?, requested_has_social_worker = ? WHERE reference = ?")
                .params(request.announced(), request.hasSocialWorker(), reference).update();
        audit.record(request.requestedBy(), "VISIT_REQUESTED", "visit", reference, request.reason() + ", awaiting the visit list");
        events.publishEvent(new VisitAwaitingList(reference, pupil.schoolId(), pupil.id(), request.reason()));
        return reference;
    }

    /** The weekly list with this visit on it was signed: the visit starts now, as it was requested. */
    @Transactional
    public ProcessInstance startAwaitingVisit(String reference) {
        VisitRequest request = jdbc.sql("""
                SELECT pupil_id, reason, requested_by, requested_has_social_worker, requested_announced, previous_visit_reference
                FROM visit WHERE reference = ? AND status = ?""").params(reference, AWAITING_LIST)
                .query((rs, n) -> new VisitRequest(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Boolean) rs.getObject(4), (Boolean) rs.getObject(5), rs.getString(6)))
                .optional().orElseThrow(() -> new IllegalStateException("Visit " + reference + " is not awaiting a list"));
        jdbc.sql("UPDATE visit SET status = 'REQUESTED' WHERE reference = ?").param(reference).update();
        return startProcess(reference, directory.requirePupil(request.pupilId()), request);
    }

    private ProcessInstance start(VisitRequest request, boolean refuseRepeat) {
        return startChecked(checked(request), request, refuseRepeat);
    }

    private Pupil checked(VisitRequest request) {
        Pupil pupil = directory.requirePupil(request.pupilId());
        String reason = request.reason();
        if (reason == null || !REASONS.contains(reason)) {
            throw new IllegalArgumentException("Unknown visit reason '" + Problems.shorten(reason) + "'; one of " + REASONS);
        }
        refuseUnannouncedWhereAnAppointmentIsRequired(pupil, request);
        return pupil;
    }

    private ProcessInstance startChecked(Pupil pupil, VisitRequest request, boolean refuseRepeat) {
        String reference = record(pupil, request, refuseRepeat, "REQUESTED");
        ProcessInstance instance = startProcess(reference, pupil, request);
        audit.record(request.requestedBy(), "VISIT_REQUESTED", "visit", reference,
                request.previousVisitReference() == null ? request.reason()
                        : request.reason() + ", follows " + request.previousVisitReference());
        return instance;
    }

    /** The visit's row under a new reference; a repeat of a moment-old request is refused when asked to. */
    private String record(Pupil pupil, VisitRequest request, boolean refuseRepeat, String status) {
        // Locks the school's counter until commit: requests of one school queue here, so the check below
        // sees every earlier request.
        String reference = references.next(pupil.schoolId());
        if (refuseRepeat) {
            refuseRepeat(pupil, request);
        }
        jdbc.sql("""
                INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at,
                    previous_visit_reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reference, pupil.schoolId(), pupil.id(), request.reason(), status, request.requestedBy(),
                        Timestamp.from(EngineClock.now()), request.previousVisitReference())
                .update();
        return reference;
    }

    /**
     * Variables only for what the model routes on, its candidate groups, its forms' inputs and the delegates
     * read; who asked and which visit this follows stay on the visit's row (record), the social worker's name
     * on the pupil's; the forms' words (VisitFormWords) and the pages read them there.
     */
    private ProcessInstance startProcess(String reference, Pupil pupil, VisitRequest request) {
        String reason = request.reason();
        Map<String, Object> variables = new HashMap<>();
        VISIT_REFERENCE.putInto(variables, reference);
        SCHOOL_ID.putInto(variables, pupil.schoolId());
        PUPIL_ID.putInto(variables, pupil.id());
        PUPIL_NAME.putInto(variables, pupil.fullName());
        TASK_SUBJECT.putInto(variables, TaskSubject.of(pupil.fullName(), reference));
        VISIT_ADDRESS.putInto(variables, pupil.address());
        HOME_ADDRESS.putInto(variables, pupil.address());
        REASON.putInto(variables, reason);
        HAS_SOCIAL_WORKER.putInto(variables,
                request.hasSocialWorker() != null ? request.hasSocialWorker() : pupil.hasSocialWorker());
        if (request.announced() != null) {
            ANNOUNCED.putInto(variables, request.announced());
        }
        // Burgh 5: the DSL authorises as well when the reason or the pupil's record involves safeguarding.
        SAFEGUARDING_INVOLVED.putInto(variables, SAFEGUARDING.equals(reason) || pupil.knownToSocialCare());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(HomeVisitProcess.KEY, reference, variables);
        jdbc.sql("UPDATE visit SET process_instance_id = ? WHERE reference = ?").params(instance.getId(), reference).update();
        return instance;
    }

    /**
     * A school whose policy says {@code visit.appointment: REQUIRED} never has staff call unannounced
     * (Thames View 2.6: "never enter a home unless an appointment has been made"): such a request is
     * refused before any visit exists. A request that does not say is announced for such a school.
     */
    private void refuseUnannouncedWhereAnAppointmentIsRequired(Pupil pupil, VisitRequest request) {
        PolicyProfile profile = profiles.forSchool(pupil.schoolId());
        if (Boolean.FALSE.equals(request.announced()) && profile.visit().appointment() == PolicyProfile.Appointment.REQUIRED) {
            // Read by the person who asked: the pupil and the school in words, no setting names or profile ids.
            throw new IllegalArgumentException("An unannounced visit cannot be requested for " + pupil.fullName() + ": "
                    + profile.schoolName() + "'s policy needs an appointment made with the parent or carer first.");
        }
    }

    /** Staff report arrival at the address (message StaffArrived of the shared contract). */
    public void reportArrived(String visitReference) {
        runtimeService.createMessageCorrelation(HomeVisitProcess.Messages.STAFF_ARRIVED)
                .processInstanceBusinessKey(visitReference).correlateAllWithResult();
    }

    /** Staff report leaving the address (message StaffLeaving of the shared contract). */
    public void reportLeaving(String visitReference) {
        runtimeService.createMessageCorrelation(HomeVisitProcess.Messages.STAFF_LEAVING)
                .processInstanceBusinessKey(visitReference).correlateAllWithResult();
    }

    /** The visit's status as the process last set it (REQUESTED, AUTHORISED, ... COMPLETED). */
    public Optional<String> status(String visitReference) {
        return jdbc.sql("SELECT status FROM visit WHERE reference = ?").param(visitReference).query(String.class).optional();
    }

    /** Who asked for the visit (the process does not carry it: nothing in the model routes on it). */
    Optional<String> requestedBy(String visitReference) {
        return jdbc.sql("SELECT requested_by FROM visit WHERE reference = ?").param(visitReference).query(String.class).optional();
    }

    public Optional<String> previousVisitReference(String visitReference) {
        return jdbc.sql("SELECT previous_visit_reference FROM visit WHERE reference = ?").param(visitReference)
                .query(String.class).optional();
    }

    private void refuseRepeat(Pupil pupil, VisitRequest request) {
        jdbc.sql("""
                SELECT reference FROM visit WHERE pupil_id = ? AND reason = ? AND requested_by = ?
                    AND status IN ('REQUESTED', 'AWAITING_LIST')
                    AND requested_at >= ? ORDER BY requested_at DESC""")
                .params(pupil.id(), request.reason(), request.requestedBy(), Timestamp.from(EngineClock.now().minus(REPEAT_WINDOW)))
                .query(String.class).list().stream().findFirst()
                .ifPresent(first -> {
                    throw new VisitAlreadyRequestedException(first);
                });
    }

    static class VisitAlreadyRequestedException extends RuntimeException {

        private final String reference;

        VisitAlreadyRequestedException(String reference) {
            super("This visit was already requested moments ago as " + reference);
            this.reference = reference;
        }

        String reference() {
            return reference;
        }
    }
}
