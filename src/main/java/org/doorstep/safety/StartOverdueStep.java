package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.BRIEFING;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CAUSE_FOR_CONCERN;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_ACTION;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_CHAIN;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_OUTCOME;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_REASON;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_DEADLINE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_DUE_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_GROUP;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_INDEX;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_INSTRUCTIONS;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_PRIORITY;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_TAKEN;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_TITLE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile.OverdueAction;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.OverdueChain.Step;
import org.doorstep.safety.StaffSafetyProcess.OverdueReason;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Moves the chain to its next step, as the school's catalogue declares it (title, group, priority,
 * who is alerted and how, whose number comes first), with that step's own deadline. The first step
 * when the chain starts; after a deadline passed with nothing recorded, the following one (nobody
 * has judged the condition, so the chain does not wait); after a step was completed, the next one
 * whose condition holds for what it found. After the last step the last one repeats, alerting
 * again, while its condition holds. When no step's condition holds the chain ends, recorded.
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
        List<Step> chain = OverdueChain.decode(OVERDUE_CHAIN.require(execution));
        int current = OVERDUE_STEP_INDEX.require(execution);
        String outcome = OVERDUE_OUTCOME.get(execution);
        boolean concern = Boolean.TRUE.equals(CAUSE_FOR_CONCERN.get(execution));
        boolean contactMade = StaffSafetyProcess.Outcomes.SAFE.equals(outcome);
        int index = current < 0 || outcome == null ? Math.min(current + 1, chain.size() - 1)
                : OverdueChain.next(chain, current, contactMade, concern);
        String reference = VISIT_REFERENCE.require(execution);
        OVERDUE_STEP_TAKEN.set(execution, index >= 0);
        if (index < 0) {
            Step last = chain.get(current);
            audit.record(Actor.DOORSTEP, "OVERDUE_CHAIN_ENDED", "visit", reference, last.action() + " found "
                    + (contactMade ? "contact made" : "no contact") + (concern ? " and cause for concern" : ", no cause for concern")
                    + "; no further step's condition holds");
            return;
        }
        Step step = chain.get(index);
        OverdueAction action = step.does();
        boolean repeated = index <= current;
        OVERDUE_STEP_INDEX.set(execution, index);
        OVERDUE_ACTION.set(execution, step.action());
        OVERDUE_STEP_TITLE.set(execution, action.title());
        OVERDUE_STEP_INSTRUCTIONS.set(execution, action.instructions() == null ? "" : action.instructions());
        OVERDUE_STEP_GROUP.set(execution, action.group());
        OVERDUE_STEP_PRIORITY.set(execution, action.priority());
        OVERDUE_STEP_DEADLINE.set(execution, step.deadline());
        OVERDUE_STEP_DUE_AT.set(execution, Date.from(EngineClock.now().plus(step.deadlineDuration())));
        execution.removeVariable(OVERDUE_OUTCOME.name());
        execution.removeVariable(CAUSE_FOR_CONCERN.name());

        String why = OverdueReason.valueOf(OVERDUE_REASON.require(execution)).briefing();
        String text = briefing.write(execution, DrillMark.marked(execution, "Visiting staff on ") + reference + " " + why + ". Step " + (index + 1)
                + " of " + chain.size() + ": " + action.title() + (repeated ? " (again: still no contact)" : "")
                + ", within " + step.deadlineDuration().toMinutes() + " min.", briefing.ringFirst(execution, action));
        BRIEFING.set(execution, text);
        watches.alert(reference, OVERDUE_REASON.require(execution), action.title());
        audit.record(Actor.DOORSTEP, "OVERDUE_STEP_STARTED", "visit", reference, step.action() + (repeated ? " (repeated)" : ""));
        if (!DrillMark.isDrill(execution)) {
            latency.record(step.action()); // a drill's alerts say nothing about how late real ones are
        }
        notifier.alertGroups(execution, action.alerted(),
                DrillMark.marked(execution, "Doorstep safety: ") + action.title() + " (" + reference + ")",
                text, action.text());
    }
}
