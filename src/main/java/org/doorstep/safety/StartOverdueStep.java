package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.BRIEFING;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_ACTION;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_CHAIN;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_OUTCOME;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_REASON;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_DEADLINE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_DUE_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_INDEX;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile.OverdueAction;
import org.doorstep.policy.PolicyProfile.OverdueStep;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.StaffSafetyProcess.OverdueReason;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Moves the chain to its next step (the first, after a deadline passed, or when the office found
 * no contact), with that step's own deadline, and alerts the step's groups. After the last step the
 * last step repeats, alerting again, until someone resolves it.
 */
@Component("startOverdueStep")
class StartOverdueStep implements JavaDelegate {

    private final SafetyWatches watches;
    private final SafetyBriefing briefing;
    private final SafetyNotifier notifier;
    private final AuditTrail audit;
    private final AlertLatency latency;

    StartOverdueStep(SafetyWatches watches, SafetyBriefing briefing, SafetyNotifier notifier, AuditTrail audit,
            AlertLatency latency) {
        this.watches = watches;
        this.briefing = briefing;
        this.notifier = notifier;
        this.audit = audit;
        this.latency = latency;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<OverdueStep> chain = OverdueChain.decode(OVERDUE_CHAIN.require(execution));
        int index = OVERDUE_STEP_INDEX.require(execution) + 1;
        boolean repeated = index >= chain.size();
        if (repeated) {
            index = chain.size() - 1;
        }
        OverdueStep step = chain.get(index);
        String reference = VISIT_REFERENCE.require(execution);
        OVERDUE_STEP_INDEX.set(execution, index);
        OVERDUE_ACTION.set(execution, step.action().name());
        OVERDUE_STEP_DEADLINE.set(execution, step.deadline().toString());
        OVERDUE_STEP_DUE_AT.set(execution, Date.from(EngineClock.now().plus(step.deadline())));
        execution.removeVariable(OVERDUE_OUTCOME.name());

        String why = OverdueReason.valueOf(OVERDUE_REASON.require(execution)).briefing();
        String title = OverdueChain.title(step.action());
        String text = briefing.write(execution, "Visiting staff on " + reference + " " + why + ". Step " + (index + 1)
                + " of " + chain.size() + ": " + title + (repeated ? " (again: still no contact)" : "")
                + ", within " + step.deadline().toMinutes() + " min.");
        BRIEFING.set(execution, text);
        watches.alert(reference, OVERDUE_REASON.require(execution), step.action().name());
        audit.record(Actor.DOORSTEP, "OVERDUE_STEP_STARTED", "visit", reference, step.action() + (repeated ? " (repeated)" : ""));
        latency.record(step.action());
        notifier.alertGroups(execution, OverdueChain.alertedGroups(step.action()), "Doorstep safety: " + title + " (" + reference + ")",
                text, step.action() != OverdueAction.RING_MOBILE);
    }
}
