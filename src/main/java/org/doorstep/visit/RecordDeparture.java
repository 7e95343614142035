package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.APPOINTMENT_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.CHECK_IN_MINUTES;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_KIND;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_MOBILE;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_ORGANISATION;
import static org.doorstep.visit.HomeVisitProcess.Variables.EXPECTED_RETURN_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_MOBILE;
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
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.Staff;
import org.doorstep.visit.VisitDeparted.Person;
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
    private final SchoolDirectory directory;

    private final VisitRules rules;

    RecordDeparture(ApplicationEventPublisher events, VisitStatus status, AuditTrail audit, SchoolDirectory directory, VisitRules rules) {
        this.rules = rules;
        this.events = events;
        this.status = status;
        this.audit = audit;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> staff = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        String lead = LEAD_VISITOR.require(execution);
        staff.add(lead);
        people.add(new Person(lead, fullName(lead), null, LEAD_MOBILE.get(execution)));
        String companion = COMPANION_NAME.get(execution);
        if ("staff".equals(COMPANION_KIND.get(execution)) && companion != null) {
            staff.add(companion);
            people.add(new Person(companion, fullName(companion), null, COMPANION_MOBILE.get(execution)));
        } else if (CheckVisitPlan.AGENCY.equals(COMPANION_KIND.get(execution)) && companion != null) {
            people.add(new Person(null, companion, COMPANION_ORGANISATION.get(execution), COMPANION_MOBILE.get(execution)));
        }
        String transport = CheckVisitPlan.CAR.equals(TRANSPORT.get(execution))
                ? "Car: " + String.join(" ", nonNull(VEHICLE_COLOUR.get(execution)), nonNull(VEHICLE_MAKE.get(execution)),
                        nonNull(VEHICLE_MODEL.get(execution)), nonNull(VEHICLE_REGISTRATION.get(execution))).trim()
                : "On foot: " + nonNull(WALKING_ROUTE.get(execution));
        Duration interval = rules.of(execution).checkInInterval();
        Long decided = CHECK_IN_MINUTES.get(execution);
        if (decided != null && Duration.ofMinutes(decided).compareTo(interval) < 0) {
            interval = Duration.ofMinutes(decided);
        }
        String signedOutBy = Actor.current(execution);
        VisitDeparted departed = new VisitDeparted(VISIT_REFERENCE.require(execution), SCHOOL_ID.require(execution),
                PUPIL_ID.require(execution), List.copyOf(staff), List.copyOf(people), VISIT_ADDRESS.get(execution), transport,
                VisitTimes.parse(APPOINTMENT_TIME.get(execution)).orElse(null),
                VisitTimes.parse(EXPECTED_RETURN_TIME.get(execution)).orElse(null), interval, signedOutBy);
        status.set(execution, "DEPARTED");
        audit.record(signedOutBy, "SIGNED_OUT", "visit", departed.visitReference(),
                String.join(", ", staff) + " to " + departed.address() + ", back by " + EXPECTED_RETURN_TIME.get(execution));
        events.publishEvent(departed);
    }

    private String fullName(String userId) {
        return directory.staff(userId).map(Staff::fullName).orElse(userId);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
