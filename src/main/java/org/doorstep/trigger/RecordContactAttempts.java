package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_EMAIL;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_OTHER_CONTACTS;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_PHONE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_TEXT;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPT_NOTES;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CASE_REFERENCE;
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
import org.doorstep.workflow.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * Logs the office's contact attempts in the case record and sets what the next decision reads
 * (contact made, reason given, whereabouts, safeguarding indicators). The form's fields are then
 * removed from the process: the record is the case table, not the variables.
 */
@Component("recordContactAttempts")
class RecordContactAttempts implements JavaDelegate {

    private final AbsenceCases cases;

    RecordContactAttempts(AbsenceCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> methods = new ArrayList<>();
        addIf(execution, ATTEMPTED_PHONE, "phone", methods);
        addIf(execution, ATTEMPTED_TEXT, "text", methods);
        addIf(execution, ATTEMPTED_EMAIL, "email", methods);
        addIf(execution, ATTEMPTED_OTHER_CONTACTS, "other contacts", methods);
        addIf(execution, SIBLINGS_CHECKED, "siblings checked", methods);
        cases.recordContactAttempts(CASE_REFERENCE.require(execution),
                methods.isEmpty() ? "none recorded" : String.join(", ", methods),
                isTrue(execution, FAMILY_REACHED), isTrue(execution, REASON_GIVEN),
                AbsenceCaseProcess.WHEREABOUTS_UNKNOWN.equals(WHEREABOUTS.get(execution)),
                isTrue(execution, SAFEGUARDING_CONCERN), ATTEMPT_NOTES.get(execution), Actor.current(execution, AbsenceCases.SYSTEM_ACTOR));
        for (ProcessVariable<?> field : List.of(ATTEMPTED_PHONE, ATTEMPTED_TEXT, ATTEMPTED_EMAIL, ATTEMPTED_OTHER_CONTACTS,
                SIBLINGS_CHECKED, FAMILY_REACHED, REASON_GIVEN, WHEREABOUTS, SAFEGUARDING_CONCERN, ATTEMPT_NOTES)) {
            execution.removeVariable(field.name());
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
