package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CASE_REFERENCE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_DECISION;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_KIND;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_SENT_TO;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_SUMMARY;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.ProcessVariable;
import org.doorstep.workflow.SensitiveVariables;
import org.springframework.stereotype.Component;

/**
 * Writes what the DSL (or headteacher) decided and sent as a referral record; the PDF summary is
 * rendered from that record. The form's summary may carry safeguarding detail, so it is removed
 * from the process once recorded and never written to history.
 */
@Component("recordAbsenceReferral")
class RecordAbsenceReferral implements JavaDelegate, SensitiveVariables {

    /** Record kinds beyond the action names: the DSL review produces one of these. */
    static final String SAFEGUARDING_REFERRAL = "SAFEGUARDING_REFERRAL";
    static final String POLICE_WELFARE_CHECK = "POLICE_WELFARE_CHECK";

    private final AbsenceCases cases;

    RecordAbsenceReferral(AbsenceCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = CASE_REFERENCE.require(execution);
        String kind = REFERRAL_KIND.require(execution);
        String decision = REFERRAL_DECISION.require(execution);
        String sentTo = REFERRAL_SENT_TO.get(execution);
        String summary = REFERRAL_SUMMARY.get(execution);
        String actor = Actor.current(execution, AbsenceCases.SYSTEM_ACTOR);
        if (TriggerAction.DSL_REVIEW.name().equals(kind)) {
            boolean referral = decision.equals("safeguarding-referral") || decision.equals("both");
            boolean police = decision.equals("police-welfare-check") || decision.equals("both");
            if (referral) {
                cases.recordReferral(reference, SAFEGUARDING_REFERRAL, "sent", sentTo, summary, actor);
            }
            if (police) {
                cases.recordReferral(reference, POLICE_WELFARE_CHECK, "requested", sentTo, summary, actor);
            }
            if (!referral && !police) {
                cases.recordReferral(reference, kind, decision, sentTo, summary, actor);
            }
        } else {
            cases.recordReferral(reference, kind, decision, sentTo, summary, actor);
        }
        execution.removeVariable(REFERRAL_DECISION.name());
        execution.removeVariable(REFERRAL_SENT_TO.name());
        execution.removeVariable(REFERRAL_SUMMARY.name());
    }

    @Override
    public Collection<ProcessVariable<?>> sensitiveVariables() {
        return AbsenceCaseProcess.Variables.SAFEGUARDING_TEXT;
    }
}
