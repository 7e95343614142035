package org.doorstep.school;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.policy.UnknownPolicyProfileException;
import org.doorstep.workflow.FormDisplay;
import org.doorstep.workflow.FormWords;
import org.springframework.stereotype.Component;

/**
 * Each form cites only the clauses of the task's own school (its tenant): the profile's formClauses
 * for the task's form, as {@value #STEP_CLAUSES}; empty where the school's policy says nothing on
 * the step, so no school reads another's clause numbers.
 */
@Component
class SchoolClausesOnForms implements FormWords {

    static final String STEP_CLAUSES = "stepClauses";

    private final PolicyProfiles profiles;

    SchoolClausesOnForms(PolicyProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void describe(DelegateTask task) {
        String form = FormDisplay.formKey(task);
        if (form == null || task.getTenantId() == null) {
            return;
        }
        String clauses;
        try {
            clauses = clauses(profiles.forSchool(task.getTenantId()), form);
        } catch (UnknownPolicyProfileException notASchool) {
            clauses = "";
        }
        task.setVariableLocal(STEP_CLAUSES, clauses);
    }

    static String clauses(PolicyProfile profile, String form) {
        String clauses = profile.formClauses().get(form);
        return clauses == null ? "" : "Your school's policy: " + profile.schoolName() + " " + clauses + ".";
    }
}
