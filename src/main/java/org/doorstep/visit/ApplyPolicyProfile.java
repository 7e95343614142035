package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ANNOUNCED;
import static org.doorstep.visit.HomeVisitProcess.Variables.ENTRY_WITHOUT_PARENT_ALLOWED;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the rules the visit starts with (its row's snapshot, {@link VisitRules}), so a running visit
 * keeps them when the school's profile changes. Only whether the parent's absence cancels this visit
 * is a variable (a gateway reads it, and it depends on the reason as well).
 */
@Component("applyPolicyProfile")
class ApplyPolicyProfile implements JavaDelegate {

    private final PolicyProfiles profiles;
    private final JdbcClient jdbc;

    ApplyPolicyProfile(PolicyProfiles profiles, JdbcClient jdbc) {
        this.profiles = profiles;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PolicyProfile profile = profiles.forSchool(SCHOOL_ID.require(execution));
        PolicyProfile.Visit visit = profile.visit();
        if (ANNOUNCED.get(execution) == null) {
            ANNOUNCED.set(execution, visit.appointment() != PolicyProfile.Appointment.OPTIONAL);
        }
        VisitRules.Rules rules = VisitRules.Rules.of(profile);
        ENTRY_WITHOUT_PARENT_ALLOWED.set(execution, rules.entryWithoutParentFor(REASON.require(execution)));
        // The profile, its version and the rules the visit keeps are on its row, in one statement.
        jdbc.sql("UPDATE visit SET policy_profile = ?, policy_version = ?, rules = ? WHERE reference = ?")
                .params(profile.id(), profile.version(), VisitRules.write(rules), VISIT_REFERENCE.require(execution))
                .update();
    }
}
