package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_MOBILE;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.CONCERN_AT_DOOR;
import static org.doorstep.visit.HomeVisitProcess.Variables.CONCERN_AT_DOOR_DETAILS;
import static org.doorstep.visit.HomeVisitProcess.Variables.CONCERN_AT_DOOR_SUMMARY;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_MOBILE;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_VISITOR;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOT_ONLY_CHILD_AT_HOME;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.workflow.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A child alone (Burgh 8; William Lilley: "contact the school's safeguarding team straight away") or a
 * safeguarding concern seen at the door: what staff saw goes into the need-to-know notes and leaves the
 * process in the same transaction (its history only ever holds a marker, see
 * {@link HomeVisitProcess.Variables#SAFEGUARDING_TEXT}); the DSL's task gets a summary without it, and
 * {@link ChildAtRiskAtTheDoor} lets the alert leave Tasklist at once (e-mail and text, through the outbox).
 */
@Component("fileConcernAtTheDoor")
class FileConcernAtDoor implements JavaDelegate {

    private final VisitNotes notes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    private final VisitRules rules;

    FileConcernAtDoor(VisitNotes notes, AuditTrail audit, ApplicationEventPublisher events, VisitRules rules) {
        this.rules = rules;
        this.notes = notes;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        String author = Actor.current(execution);
        List<String> seen = new ArrayList<>();
        if ("no".equals(NOT_ONLY_CHILD_AT_HOME.get(execution))) {
            seen.add("Only a child was at home.");
        }
        if ("yes".equals(CONCERN_AT_DOOR.get(execution))) {
            seen.add("Staff saw or heard something at the door that worries them about a child.");
        }
        String summary = String.join(" ", seen) + " Staff did not go in.";
        String details = CONCERN_AT_DOOR_DETAILS.get(execution);
        notes.add(reference, NoteKind.SAFEGUARDING, "At the door: " + summary
                + (details == null || details.isBlank() ? "" : " What staff saw: " + details), author);
        execution.removeVariable(CONCERN_AT_DOOR_DETAILS.name());
        CONCERN_AT_DOOR_SUMMARY.set(execution, summary);
        String group = rules.of(execution).safeguardingCoAuthoriserGroup();
        audit.record(author, "SAFEGUARDING_CONCERN_AT_DOOR", "visit", reference, "to " + group);
        events.publishEvent(new ChildAtRiskAtTheDoor(execution.getProcessInstanceId() + "/" + execution.getActivityInstanceId(),
                reference, SCHOOL_ID.require(execution), List.of(group), summary, VISIT_ADDRESS.get(execution),
                staffAtTheDoor(execution)));
    }

    /** The lead and companion with the mobiles the plan gave, so the DSL can ring them back. */
    private static String staffAtTheDoor(DelegateExecution execution) {
        String lead = LEAD_VISITOR.get(execution) + " (" + LEAD_MOBILE.get(execution) + ")";
        String companion = COMPANION_NAME.get(execution);
        return companion == null || companion.isBlank() ? lead
                : lead + " and " + companion + (COMPANION_MOBILE.get(execution) == null ? "" : " (" + COMPANION_MOBILE.get(execution) + ")");
    }
}
