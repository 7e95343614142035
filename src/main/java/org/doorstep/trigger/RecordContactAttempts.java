package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_EMAIL;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_OTHER_CONTACTS;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_PHONE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_TEXT;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPT_NOTES;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CASE_REFERENCE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.DECISION_SUMMARY;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.DSL_GROUP;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.PUPIL_NAME;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SCHOOL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.FAMILY_REACHED;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REASON_GIVEN;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SAFEGUARDING_CONCERN;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SIBLINGS_CHECKED;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.WHEREABOUTS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.ProcessVariable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Logs the office's contact attempts in the case record and sets what the next decision reads
 * (contact made, reason given, whereabouts, safeguarding indicators). The form's fields are then
 * removed from the process: the record is the case table, not the variables. Safeguarding indicators and
 * "whereabouts unknown" bring the DSL in at once.
 */
@Component("recordContactAttempts")
class RecordContactAttempts implements JavaDelegate {

    private final AbsenceCases cases;
    private final ApplicationEventPublisher events;

    RecordContactAttempts(AbsenceCases cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> methods = new ArrayList<>();
        addIf(execution, ATTEMPTED_PHONE, "phone", methods);
        addIf(execution, ATTEMPTED_TEXT, "text", methods);
        addIf(execution, ATTEMPTED_EMAIL, "email", methods);
        addIf(execution, ATTEMPTED_OTHER_CONTACTS, "other contacts", methods);
        addIf(execution, SIBLINGS_CHECKED, "siblings checked", methods);
        String reference = CASE_REFERENCE.require(execution);
        boolean whereaboutsUnknown = AbsenceCaseProcess.WHEREABOUTS_UNKNOWN.equals(WHEREABOUTS.get(execution));
        boolean safeguarding = isTrue(execution, SAFEGUARDING_CONCERN);
        String actor = Actor.current(execution, AbsenceCases.SYSTEM_ACTOR);
        cases.recordContactAttempts(reference,
                methods.isEmpty() ? "none recorded" : String.join(", ", methods),
                isTrue(execution, FAMILY_REACHED), isTrue(execution, REASON_GIVEN),
                whereaboutsUnknown, safeguarding, ATTEMPT_NOTES.get(execution), actor);
        if (safeguarding) {
            tellTheDslNow(execution, TriggerAction.DSL_REVIEW, "Safeguarding indicators recorded by the office");
        }
        if (whereaboutsUnknown) {
            tellTheDslNow(execution, TriggerAction.CME_REFERRAL, "Whereabouts unknown, recorded by the office");
        }
        for (ProcessVariable<?> field : List.of(ATTEMPTED_PHONE, ATTEMPTED_TEXT, ATTEMPTED_EMAIL, ATTEMPTED_OTHER_CONTACTS,
                SIBLINGS_CHECKED, FAMILY_REACHED, REASON_GIVEN, WHEREABOUTS, SAFEGUARDING_CONCERN, ATTEMPT_NOTES)) {
            execution.removeVariable(field.name());
        }
    }

    /**
     * Burgh App. A Day 1 ("inform the DSL if safeguarding indicators are present") and CME: the DSL's task is
     * raised as the office records it, not at the next day's evaluation (which then finds it raised already),
     * and the DSL is alerted beyond Tasklist.
     */
    private void tellTheDslNow(DelegateExecution execution, TriggerAction action, String what) {
        String reference = CASE_REFERENCE.require(execution);
        if (cases.actionDue(reference, action, EngineClock.today(), what, DECISION_SUMMARY.get(execution), false)) {
            events.publishEvent(new AbsenceConcernRecorded(
                    execution.getProcessInstanceId() + "/" + execution.getActivityInstanceId() + "/" + action,
                    reference, SCHOOL_ID.require(execution), List.of(DSL_GROUP.require(execution)),
                    PUPIL_NAME.get(execution), what));
        }
    }

    private static void addIf(DelegateExecution execution, ProcessVariable<Boolean> field, String method, List<String> methods) {
        if (isTrue(execution, field)) {
            methods.add(method);
        }
    }

    private static boolean isTrue(DelegateExecution execution, ProcessVariable<Boolean> field) {
        return Boolean.TRUE.equals(field.get(execution));
    }
}
