package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.CHECK_IN_MINUTES;
import static org.doorstep.visit.HomeVisitProcess.Variables.ESCALATE_FOR_SENIOR_DECISION;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_AGGRESSIVE_FAMILY_MEMBER;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_DANGEROUS_ANIMALS;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_DRIVING;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_ILLNESS_OR_INJURY;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_KNOWN_INCIDENTS;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_LONE_WORKING;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_PUBLIC_AREAS;
import static org.doorstep.visit.HomeVisitProcess.Variables.PAIRED_REQUIRED;
import static org.doorstep.visit.HomeVisitProcess.Variables.PROTECTION_REGISTER_HIT;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.RISK_CONTROLS;
import static org.doorstep.visit.HomeVisitProcess.Variables.RISK_LEVEL;
import static org.doorstep.visit.HomeVisitProcess.Variables.SENIOR_DECISION_NEEDED;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Copies the risk decision (dmn/visit-risk.dmn) into typed variables, applies the policy's pairing
 * rule where it is stricter than the decision and the assessor's escalation where the policy offers
 * one, and keeps the assessment for the next visit.
 */
@Component("recordRiskAssessment")
class RecordRiskAssessment implements JavaDelegate {

    static final String DECISION_RESULT = "riskDecision";
    private final RiskAssessments assessments;

    private final VisitRules rules;

    RecordRiskAssessment(RiskAssessments assessments, VisitRules rules) {
        this.rules = rules;
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) execution.getVariable(DECISION_RESULT);
        execution.removeVariable(DECISION_RESULT);
        String level = (String) decision.get(RISK_LEVEL.name());
        RISK_LEVEL.set(execution, level);
        boolean pairedByPolicy = rules.of(execution).pairing() == PolicyProfile.Pairing.ALWAYS;
        PAIRED_REQUIRED.set(execution, pairedByPolicy || Boolean.TRUE.equals(decision.get(PAIRED_REQUIRED.name())));
        CHECK_IN_MINUTES.set(execution, ((Number) decision.get(CHECK_IN_MINUTES.name())).longValue());
        // Burgh 7: "any reasonable doubt" goes to SLT/DSL whatever the table says; CheckRiskAssessment
        // refuses the doubt where the school's policy offers no such escalation.
        SENIOR_DECISION_NEEDED.set(execution, Boolean.TRUE.equals(decision.get(SENIOR_DECISION_NEEDED.name()))
                || Boolean.TRUE.equals(ESCALATE_FOR_SENIOR_DECISION.get(execution)));
        assessments.save(new RiskAssessments.Assessment(VISIT_REFERENCE.require(execution), PUPIL_ID.require(execution),
                VISIT_ADDRESS.get(execution), yes(execution, HAZARD_AGGRESSIVE_FAMILY_MEMBER),
                yes(execution, HAZARD_KNOWN_INCIDENTS), yes(execution, HAZARD_DANGEROUS_ANIMALS),
                yes(execution, HAZARD_DRIVING), yes(execution, HAZARD_PUBLIC_AREAS),
                yes(execution, HAZARD_ILLNESS_OR_INJURY), yes(execution, HAZARD_LONE_WORKING),
                yes(execution, PROTECTION_REGISTER_HIT), RISK_CONTROLS.get(execution), level,
                EngineClock.now()));
    }

    private static boolean yes(DelegateExecution execution, org.doorstep.workflow.ProcessVariable<Boolean> variable) {
        return Boolean.TRUE.equals(variable.get(execution));
    }
}
