package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.AUTHORISER_GROUP;
import static org.doorstep.visit.HomeVisitProcess.Variables.POLICY_VERSION;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.springframework.stereotype.Component;

/**
 * Copies the school's policy settings into the visit, so the model reads them as variables and a
 * running visit keeps the rules it started with when a profile changes.
 */
@Component("applyPolicyProfile")
class ApplyPolicyProfile implements JavaDelegate {

    private final PolicyProfiles profiles;

    ApplyPolicyProfile(PolicyProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PolicyProfile profile = profiles.forSchool(SCHOOL_ID.require(execution));
        POLICY_VERSION.set(execution, profile.id() + "@" + profile.version());
        AUTHORISER_GROUP.set(execution, profile.authorisation().authoriserGroup());
    }
}
