package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.CANCELLATION_REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;
import static org.doorstep.visit.HomeVisitProcess.Variables.WITHDREW_UNSAFE_BY;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.IncidentKind;
import org.doorstep.records.Incidents;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Staff withdrew during the visit because they felt unsafe (Burgh 4 "withdraw if unsafe", Burgh 8 "leave
 * immediately if they feel uncomfortable or at risk"; William Lilley "During": "if there is any doubt, they
 * must leave"). The visit ends with that outcome: the reason is written (a CANCELLATION note) for the groups
 * the policy sends cancellations to, whose task comes next, and it is recorded as an incident for review
 * (Burgh 11). The staff-safety watch is not touched: it waits for them back at school.
 */
@Component("recordWithdrawal")
class RecordWithdrawal implements JavaDelegate {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final VisitNotes notes;
    private final Incidents incidents;
    private final AuditTrail audit;

    private final VisitRules rules;

    RecordWithdrawal(VisitNotes notes, Incidents incidents, AuditTrail audit, VisitRules rules) {
        this.rules = rules;
        this.notes = notes;
        this.incidents = incidents;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        // The check-in page is not an engine session: the message names who sent it.
        String sender = WITHDREW_UNSAFE_BY.get(execution);
        String actor = sender != null ? sender : Actor.current(execution);
        String what = "Staff withdrew from visit " + reference + " at " + EngineClock.schoolTime().format(TIME)
                + " because they felt unsafe (\"Leaving: I feel unsafe\", sent by " + actor
                + "). The safety watch continues until they are back at school.";
        CANCELLATION_REASON.set(execution, what);
        notes.add(reference, NoteKind.CANCELLATION, what, actor);
        long incident = incidents.record(SCHOOL_ID.require(execution), reference, IncidentKind.INCIDENT, what, null, actor);
        audit.record(actor, "VISIT_WITHDRAWN_UNSAFE", "visit", reference,
                "incident " + incident + "; reported to " + rules.of(execution).cancellationReportedTo());
    }
}
