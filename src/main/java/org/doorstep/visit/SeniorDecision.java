package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.AGREED_SENIOR_CONTROLS;
import static org.doorstep.visit.HomeVisitProcess.Variables.AGREED_SENIOR_OUTCOME;
import static org.doorstep.visit.HomeVisitProcess.Variables.CANCELLATION_REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.SENIOR_CONTROLS;
import static org.doorstep.visit.HomeVisitProcess.Variables.SENIOR_DECISION_PARTY;
import static org.doorstep.visit.HomeVisitProcess.Variables.SENIOR_OUTCOME;
import static org.doorstep.visit.HomeVisitProcess.Variables.SENIOR_REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/**
 * The senior decision on a high-risk visit, made jointly where the policy says so (Lynnfield 3: the
 * Executive Head or Deputy AND the DSL). Each party of the profile's riskAssessment.seniorDecisionGroups
 * gets its own task (a parallel multi-instance over {@link #parties}); as each answers, the joint
 * decision becomes the most cautious answer so far, and a refusal ends the others' tasks (the
 * multi-instance completion condition) and is reported in writing to whom visit.cancellationReportedTo names.
 * Public only because the expression language calls {@link #parties} by reflection.
 */
@Component("seniorDecision")
public class SeniorDecision implements TaskListener {

    static final String PARTY_SEPARATOR = ";";

    private final VisitNotes notes;
    private final AuditTrail audit;

    private final VisitRules rules;

    SeniorDecision(VisitNotes notes, AuditTrail audit, VisitRules rules) {
        this.rules = rules;
        this.notes = notes;
        this.audit = audit;
    }

    /** The multi-instance collection: one entry per party, each its comma-separated candidate groups. */
    public List<String> parties(DelegateExecution execution) {
        return rules.of(execution).seniorDecisionParties();
    }

    /** Runs before workflow.FormValidation's listener, which then refuses a missing reason or controls. */
    @Override
    public void notify(DelegateTask task) {
        SeniorOutcome answer = SeniorOutcome.of(SENIOR_OUTCOME.require(task));
        String agreedSoFar = AGREED_SENIOR_OUTCOME.get(task);
        SeniorOutcome agreed = answer.moreCautious(agreedSoFar == null ? null : SeniorOutcome.of(agreedSoFar));
        // The process instance holds the joint answer: each party's task scope ends with its task.
        DelegateExecution visit = task.getExecution().getProcessInstance();
        AGREED_SENIOR_OUTCOME.set(visit, agreed.value());
        String party = SENIOR_DECISION_PARTY.require(task);
        String actor = Actor.current(task.getProcessEngineServices().getIdentityService(), Actor.DOORSTEP);
        String who = actor + " (" + party.replace(",", " or ") + ")";
        String reference = VISIT_REFERENCE.require(task);
        if (answer == SeniorOutcome.GO_AHEAD_WITH_CONTROLS) {
            String controls = who + ": " + SENIOR_CONTROLS.get(task);
            String before = AGREED_SENIOR_CONTROLS.get(task);
            AGREED_SENIOR_CONTROLS.set(visit, before == null ? controls : before + "\n" + controls);
        }
        if (answer == SeniorOutcome.DO_NOT_VISIT) {
            String reason = "Not visited: " + who + " decided the visit is too risky to make: " + SENIOR_REASON.get(task);
            CANCELLATION_REASON.set(visit, reason);
            notes.add(reference, NoteKind.CANCELLATION, reason, actor);
        }
        audit.record(actor, "SENIOR_RISK_DECISION", "visit", reference, party + ": " + answer.value()
                + (agreed == answer ? "" : ", joint decision " + agreed.value()));
    }
}
