package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.HOME_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VENUE_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VENUE_KIND;
import static org.doorstep.visit.HomeVisitProcess.Variables.VENUE_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.VENUE_OPTIONS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.FormValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the visit happens (William Lilley "in their home or place of work", Burgh 3 "or alternative
 * agreed venue"). The school's catalogue (visit.venues) is offered to the plan form as its options;
 * when the plan is submitted the chosen venue is checked against the catalogue the visit started with,
 * and its name and address become the visit's address: the one the sign-out, the safety watch (through
 * VisitDeparted), the notice through the door and the audit use. Kept in the visit's row too.
 */
@Component("visitVenue")
class VisitVenue implements TaskListener {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    private final VisitRules rules;

    VisitVenue(JdbcClient jdbc, AuditTrail audit, VisitRules rules) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The catalogue as the plan form's options ([{label, value}], JSON so the form's select reads it). */
    static TypedValue options(Map<String, String> venues) {
        List<Map<String, String>> options = new ArrayList<>();
        venues.forEach((kind, label) -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", label);
            option.put("value", kind);
            options.add(option);
        });
        return Variables.objectValue(options).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, String> offered = offered(task);
        String kind = VENUE_KIND.get(task);
        if (kind == null) {
            kind = PolicyProfile.HOME_VENUE;
            VENUE_KIND.set(task, kind);
        }
        if (!offered.containsKey(kind)) {
            throw new FormValidationException(task.getName(), List.of("Where the visit happens (" + VENUE_KIND.name()
                    + "): '" + kind + "' is not a venue the school's policy allows; one of " + offered.keySet()));
        }
        String name = null;
        String address;
        if (PolicyProfile.HOME_VENUE.equals(kind)) {
            address = HOME_ADDRESS.get(task) != null ? HOME_ADDRESS.get(task) : VISIT_ADDRESS.get(task);
        } else {
            name = VENUE_NAME.get(task);
            address = VENUE_ADDRESS.get(task);
            if (blank(name) || blank(address)) {
                throw new FormValidationException(task.getName(), List.of("Venue's name and address (" + VENUE_NAME.name()
                        + ", " + VENUE_ADDRESS.name() + "): needed for a visit away from the child's home ("
                        + offered.get(kind) + ")"));
            }
            address = name.trim() + ", " + address.trim();
        }
        VISIT_ADDRESS.set(task, address);
        String reference = VISIT_REFERENCE.require(task);
        jdbc.sql("UPDATE visit SET venue_kind = ?, venue_name = ?, venue_address = ? WHERE reference = ?")
                .params(kind, name, address, reference).update();
        audit.record(Actor.current(task.getProcessEngineServices().getIdentityService(), Actor.DOORSTEP), "VENUE_PLANNED",
                "visit", reference, offered.get(kind) + ": " + address);
    }

    private Map<String, String> offered(DelegateTask visit) {
        Map<String, String> venues = rules.of(visit).venues();
        if (venues != null) {
            return venues;
        }
        // A visit started before its rules were on its row keeps its catalogue in a variable (V140).
        Map<String, String> offered = new LinkedHashMap<>();
        List<Map<String, String>> options = VENUE_OPTIONS.get(visit);
        if (options == null) {
            // A visit started before venues existed: only its home.
            offered.put(PolicyProfile.HOME_VENUE, PolicyProfile.HOME_VENUE);
            return offered;
        }
        options.forEach(option -> offered.put(option.get("value"), option.get("label")));
        return offered;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
