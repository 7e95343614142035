package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.APPOINTMENT_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.CHECK_IN_INTERVAL;
import static org.doorstep.visit.HomeVisitProcess.Variables.CHECK_IN_MINUTES;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_KIND;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.EXPECTED_RETURN_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_VISITOR;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.TRANSPORT;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_COLOUR;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_MAKE;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_MODEL;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_REGISTRATION;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;
import static org.doorstep.visit.HomeVisitProcess.Variables.WALKING_ROUTE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The office has signed the staff out (William Lilley: destination and expected return; Burgh: visit
 * plan with the office): records it and tells staff safety through {@link VisitDeparted}, published
 * synchronously inside the engine's transaction.
 */
@Component("recordDeparture")
class RecordDeparture implements JavaDelegate {

    private final ApplicationEventPublisher events;
    private final VisitStatus status;
    private final AuditTrail audit;

    RecordDeparture(ApplicationEventPublisher events, VisitStatus status, AuditTrail audit) {
        this.events = events;
        this.status = status;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> staff = new ArrayList<>();
        staff.add(LEAD_VISITOR.require(execution));
        if ("staff".equals(COMPANION_KIND.get(execution)) && COMPANION_NAME.get(execution) != null) {
            staff.add(COMPANION_NAME.get(execution));
        }
        String transport = CheckVisitPlan.CAR.equals(TRANSPORT.get(execution))
                ? String.join(" ", nonNull(VEHICLE_COLOUR.get(execution)), nonNull(VEHICLE_MAKE.get(execution)),
                        nonNull(VEHICLE_MODEL.get(execution)), nonNull(VEHICLE_REGISTRATION.get(execution))).trim()
                : "On foot: " + nonNull(WALKING_ROUTE.get(execution));
        Duration interval = Duration.parse(CHECK_IN_INTERVAL.require(execution));
        Long decided = CHECK_IN_MINUTES.get(execution);
        if (decided != null && Duration.ofMinutes(decided).compareTo(interval) < 0) {
            interval = Duration.ofMinutes(decided);
        }
        String signedOutBy = Actor.current(execution);
        VisitDeparted departed = new VisitDeparted(VISIT_REFERENCE.require(execution), SCHOOL_ID.require(execution),
                PUPIL_ID.require(execution), List.copyOf(staff), VISIT_ADDRESS.get(execution), transport,
                VisitTimes.parse(APPOINTMENT_TIME.get(execution)).orElse(null),
                VisitTimes.parse(EXPECTED_RETURN_TIME.get(execution)).orElse(null), interval, signedOutBy);
        status.set(execution, "DEPARTED");
        audit.record(signedOutBy, "SIGNED_OUT", "visit", departed.visitReference(),
                String.join(", ", staff) + " to " + departed.address() + ", back by " + EXPECTED_RETURN_TIME.get(execution));
        events.publishEvent(departed);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
