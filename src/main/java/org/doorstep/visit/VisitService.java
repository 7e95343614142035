package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ANNOUNCED;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAS_SOCIAL_WORKER;
import static org.doorstep.visit.HomeVisitProcess.Variables.HOME_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.PREVIOUS_VISIT_REFERENCE;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.REQUESTED_BY;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_INVOLVED;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.SOCIAL_WORKER_NAME;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts home visits: one process instance per visit, its business key the visit's reference. */
@Service
public class VisitService {

    /** The reasons a visit may be requested for (issue 3, step 1; policy matrix "Why visits happen"). */
    public static final List<String> REASONS = List.of(
            "attendance", "safe-and-well", "safeguarding", "transition", "support", "phased-return");
    public static final String SAFEGUARDING = "safeguarding";
    public static final String SAFE_AND_WELL = "safe-and-well";
    /** The same request again within this time is taken as a repeat of the first, not a second visit. */
    static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);

    private final SchoolDirectory directory;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PolicyProfiles profiles;
    private final VisitReferences references;

    VisitService(SchoolDirectory directory, RuntimeService runtimeService, JdbcClient jdbc, AuditTrail audit,
            PolicyProfiles profiles, VisitReferences references) {
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
     * As {@link #requestVisit(VisitRequest)}, but a request that repeats one the same person made for the same
     * pupil and reason moments ago (a double click, a retried POST) is refused with the first visit's
     * reference instead of starting a second visit.
     */
    @Transactional
    ProcessInstance requestVisitOnce(VisitRequest request) {
        return start(request, true);
    }

    private ProcessInstance start(VisitRequest request, boolean refuseRepeat) {
        Pupil pupil = directory.requirePupil(request.pupilId());
        String reason = request.reason();
        if (reason == null || !REASONS.contains(reason)) {
            throw new IllegalArgumentException("Unknown visit reason '" + Problems.shorten(reason) + "'; one of " + REASONS);
        }
        refuseUnannouncedWhereAnAppointmentIsRequired(pupil, request);
        // Locks the school's counter until commit: requests of one school queue here, so the check below
        // sees every earlier request.
        String reference = references.next(pupil.schoolId());
        if (refuseRepeat) {
            refuseRepeat(pupil, request);
        }
        jdbc.sql("""
                INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at,
                    previous_visit_reference)
                VALUES (?, ?, ?, ?, 'REQUESTED', ?, ?, ?)""")
                .params(reference, pupil.schoolId(), pupil.id(), reason, request.requestedBy(),
                        Timestamp.from(EngineClock.now()), request.previousVisitReference())
                .update();
        Map<String, Object> variables = new HashMap<>();
        VISIT_REFERENCE.putInto(variables, reference);
        SCHOOL_ID.putInto(variables, pupil.schoolId());
        PUPIL_ID.putInto(variables, pupil.id());
        PUPIL_NAME.putInto(variables, pupil.fullName());
        VISIT_ADDRESS.putInto(variables, pupil.address());
        HOME_ADDRESS.putInto(variables, pupil.address());
        REASON.putInto(variables, reason);
        REQUESTED_BY.putInto(variables, request.requestedBy());
        HAS_SOCIAL_WORKER.putInto(variables,
                request.hasSocialWorker() != null ? request.hasSocialWorker() : pupil.hasSocialWorker());
        SOCIAL_WORKER_NAME.putInto(variables, pupil.socialWorkerName());
        if (request.announced() != null) {
            ANNOUNCED.putInto(variables, request.announced());
        }
        // Burgh 5: the DSL authorises as well when the reason or the pupil's record involves safeguarding.
        SAFEGUARDING_INVOLVED.putInto(variables, SAFEGUARDING.equals(reason) || pupil.knownToSocialCare());
        PREVIOUS_VISIT_REFERENCE.putInto(variables, request.previousVisitReference());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(HomeVisitProcess.KEY, reference, variables);
        jdbc.sql("UPDATE visit SET process_instance_id = ? WHERE reference = ?").params(instance.getId(), reference).update();
        audit.record(request.requestedBy(), "VISIT_REQUESTED", "visit", reference,
                request.previousVisitReference() == null ? reason : reason + ", follows " + request.previousVisitReference());
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
            throw new IllegalArgumentException("An unannounced visit cannot be requested for " + pupil.id() + ": "
                    + profile.schoolName() + "'s policy (" + profile.id() + "@" + profile.version()
                    + ", visit.appointment: REQUIRED) needs an appointment made with the parent or carer first");
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

    public Optional<String> previousVisitReference(String visitReference) {
        return jdbc.sql("SELECT previous_visit_reference FROM visit WHERE reference = ?").param(visitReference)
                .query(String.class).optional();
    }

    private void refuseRepeat(Pupil pupil, VisitRequest request) {
        jdbc.sql("""
                SELECT reference FROM visit WHERE pupil_id = ? AND reason = ? AND requested_by = ? AND status = 'REQUESTED'
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
