package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.AUTHORISER_GROUP;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.DSL_GROUP;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.POLICY_VERSION;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SCHOOL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.VISIT_LIST_REQUIRED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.springframework.stereotype.Component;

/** Copies who does what from the school's policy into the case, so a running case keeps its rules. */
@Component("applyAbsenceCasePolicy")
class ApplyAbsenceCasePolicy implements JavaDelegate {

    private final PolicyProfiles profiles;

    ApplyAbsenceCasePolicy(PolicyProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PolicyProfile profile = profiles.forSchool(SCHOOL_ID.require(execution));
        POLICY_VERSION.set(execution, profile.id() + "@" + profile.version());
        DSL_GROUP.set(execution, profile.authorisation().safeguardingCoAuthoriserGroup());
        AUTHORISER_GROUP.set(execution, profile.authorisation().authoriserGroup());
        VISIT_LIST_REQUIRED.set(execution, profile.authorisation().visitListRequired());
    }
}
