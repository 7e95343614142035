package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ANNOUNCED;
import static org.doorstep.visit.HomeVisitProcess.Variables.ASSESSOR_MAY_ESCALATE;
import static org.doorstep.visit.HomeVisitProcess.Variables.APPOINTMENT_RULE;
import static org.doorstep.visit.HomeVisitProcess.Variables.ASSESSOR_GROUP;
import static org.doorstep.visit.HomeVisitProcess.Variables.AUTHORISER_GROUP;
import static org.doorstep.visit.HomeVisitProcess.Variables.CANCELLATION_REPORTED_TO;
import static org.doorstep.visit.HomeVisitProcess.Variables.CHECK_IN_INTERVAL;
import static org.doorstep.visit.HomeVisitProcess.Variables.DOOR_GUIDANCE;
import static org.doorstep.visit.HomeVisitProcess.Variables.ENTRY_WITHOUT_PARENT_ALLOWED;
import static org.doorstep.visit.HomeVisitProcess.Variables.ENTRY_WITHOUT_PARENT_FOR_REASONS;
import static org.doorstep.visit.HomeVisitProcess.Variables.LATE_PARENT_LIMIT;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_TYPE;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_WHEN_ENTRY_REFUSED;
import static org.doorstep.visit.HomeVisitProcess.Variables.OUTSIDE_AGENCY_PARTNER_ALLOWED;
import static org.doorstep.visit.HomeVisitProcess.Variables.PAIRING;
import static org.doorstep.visit.HomeVisitProcess.Variables.PARENT_WAIT;
import static org.doorstep.visit.HomeVisitProcess.Variables.PROTECTION_REGISTER_CHECK;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.REUSE_PREVIOUS_ASSESSMENT;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_CO_AUTHORISER_GROUP;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.SENIOR_DECISION_GROUPS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies the school's policy settings into the visit, so the model reads them as variables and a
 * running visit keeps the rules it started with when a profile changes.
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
        AUTHORISER_GROUP.set(execution, profile.authorisation().authoriserGroup());
        SAFEGUARDING_CO_AUTHORISER_GROUP.set(execution, profile.authorisation().safeguardingCoAuthoriserGroup());
        ASSESSOR_GROUP.set(execution, profile.riskAssessment().assessorGroup());
        PROTECTION_REGISTER_CHECK.set(execution, profile.riskAssessment().protectionRegisterCheck());
        REUSE_PREVIOUS_ASSESSMENT.set(execution, profile.riskAssessment().reusePreviousAssessment());
        SENIOR_DECISION_GROUPS.set(execution, profile.riskAssessment().seniorDecisionGroups().stream()
                .map(party -> String.join(",", party)).collect(Collectors.joining(SeniorDecision.PARTY_SEPARATOR)));
        ASSESSOR_MAY_ESCALATE.set(execution, profile.riskAssessment().assessorMayEscalate());
        PolicyProfile.Visit visit = profile.visit();
        PAIRING.set(execution, visit.pairing().name());
        OUTSIDE_AGENCY_PARTNER_ALLOWED.set(execution, visit.outsideAgencyPartnerAllowed());
        APPOINTMENT_RULE.set(execution, visit.appointment().name());
        if (ANNOUNCED.get(execution) == null) {
            ANNOUNCED.set(execution, visit.appointment() != PolicyProfile.Appointment.OPTIONAL);
        }
        ENTRY_WITHOUT_PARENT_FOR_REASONS.set(execution, String.join(",", visit.entryWithoutParentForReasons()));
        decideEntryWithoutParent(execution);
        PARENT_WAIT.set(execution, visit.parentWait().toString());
        LATE_PARENT_LIMIT.set(execution, visit.lateParentLimit().toString());
        NOTICE_TYPE.set(execution, visit.noAnswerNotice().name());
        NOTICE_WHEN_ENTRY_REFUSED.set(execution, visit.noticeWhenEntryRefused());
        CANCELLATION_REPORTED_TO.set(execution, String.join(",", visit.cancellationReportedTo()));
        VisitVenue.offer(execution, visit.venues());
        DOOR_GUIDANCE.set(execution, visit.doorGuidance().stream()
                .map(rule -> "- " + rule.rule() + " (" + rule.source() + ")").collect(Collectors.joining("\n")));
        CHECK_IN_INTERVAL.set(execution, profile.safety().checkInInterval().toString());
        // The profile and version the visit follows are kept on its row (nothing in the engine reads them).
        jdbc.sql("UPDATE visit SET policy_profile = ?, policy_version = ? WHERE reference = ?")
                .params(profile.id(), profile.version(), VISIT_REFERENCE.require(execution)).update();
    }

    /**
     * Whether the parent's absence leaves this visit going ahead (Thomas More: an attendance visit may
     * go ahead without the parent present, another responsible adult may be there). Read from the rules
     * the visit started with and its reason, so an amended reason is decided again.
     */
    static void decideEntryWithoutParent(VariableScope visit) {
        String reasons = ENTRY_WITHOUT_PARENT_FOR_REASONS.get(visit);
        String reason = REASON.require(visit);
        ENTRY_WITHOUT_PARENT_ALLOWED.set(visit, reasons != null && Arrays.asList(reasons.split(",")).contains(reason));
    }
}
