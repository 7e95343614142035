package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.junit.jupiter.api.Test;

/** Risk assessment and decision (issue 3 steps 3-4): high risk goes to a joint headteacher + DSL decision. */
@DoorstepTest
class RiskScenariosTest extends VisitScenarios {

    /** Lynnfield 3: a family on the LA employee protection register makes the visit high risk. */
    ProcessInstance highRiskVisit() {
        ProcessInstance visit = request("TVJ-0004", "attendance");
        authorise(visit);
        assessRisk(visit, noHazards().with(PROTECTION_REGISTER_HIT, true));
        assertThat(variable(visit, RISK_LEVEL)).isEqualTo("high");
        assertThat(variable(visit, SENIOR_DECISION_NEEDED)).isTrue();
        assertThat(visit).isWaitingAt(Elements.SENIOR_RISK_DECISION).task()
                .hasCandidateGroup("headteacher").hasCandidateGroup("dsl");
        return visit;
    }

    @Test
    void highRiskVisitGoesAheadWithTheControlsTheHeadteacherAndDslSet() {
        ProcessInstance visit = highRiskVisit();
        complete(visit, Elements.SENIOR_RISK_DECISION, answers().with(SENIOR_OUTCOME, "goAheadWithControls")
                .with(SENIOR_CONTROLS, "Police community support officer nearby; 10-minute check-ins."));
        assertThat(visit).isWaitingAt(Elements.PLAN);
        assertThat(variable(visit, CHECK_IN_MINUTES)).isEqualTo(10L);
    }

    @Test
    void highRiskVisitBecomesAMeetingAtSchoolOrAChildrensCentre() {
        ProcessInstance visit = highRiskVisit();
        complete(visit, Elements.SENIOR_RISK_DECISION, answers().with(SENIOR_OUTCOME, "meetElsewhere"));
        assertThat(visit).isEnded().hasPassed(Elements.END_MEETING_INSTEAD);
        assertThat(status(visit)).isEqualTo("MEETING_ELSEWHERE");
    }

    @Test
    void highRiskVisitAsksThePoliceForAWelfareCheckBurghAppendixA() {
        ProcessInstance visit = highRiskVisit();
        complete(visit, Elements.SENIOR_RISK_DECISION, answers().with(SENIOR_OUTCOME, "policeWelfareCheck"));
        assertThat(visit).isWaitingAt(Elements.ASK_POLICE_WELFARE_CHECK).task().hasCandidateGroup("dsl");
        complete(visit, Elements.ASK_POLICE_WELFARE_CHECK, answers().with(POLICE_REFERENCE, "CAD 1234 23/11"));
        assertThat(visit).isEnded().hasPassed(Elements.END_POLICE_WELFARE_CHECK);
        assertThat(status(visit)).isEqualTo("POLICE_WELFARE_CHECK");
    }

    @Test
    void highRiskVisitIsNotMadeWhenTheSeniorDecisionIsDoNotVisitBurgh7() {
        ProcessInstance visit = highRiskVisit();
        complete(visit, Elements.SENIOR_RISK_DECISION, answers().with(SENIOR_OUTCOME, "doNotVisit")
                .with(SENIOR_REASON, "Threats to staff at this address last term."));
        // The reason in writing to whom the policy names for cancellations (Thames View 3.8: the headteacher).
        assertThat(visit).isWaitingAt(Elements.READ_NOT_VISITED_REPORT).task().hasCandidateGroup("headteacher");
        assertThat(variable(visit, CANCELLATION_REASON)).contains("Threats to staff");
        complete(visit, Elements.READ_NOT_VISITED_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
        assertThat(visit).isEnded().hasPassed(Elements.END_NOT_VISITED);
        assertThat(status(visit)).isEqualTo("NOT_VISITED");
    }

    /** A "do not visit" without saying why is refused: the reason is what the cancellation report carries. */
    @Test
    void doNotVisitNeedsItsReason() {
        ProcessInstance visit = highRiskVisit();
        assertThatThrownBy(() -> complete(visit, Elements.SENIOR_RISK_DECISION, answers().with(SENIOR_OUTCOME, "doNotVisit")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(SENIOR_REASON.name());
        assertThat(visit).isWaitingAt(Elements.SENIOR_RISK_DECISION);
    }

    /**
     * Only where the policy offers it (Burgh 7) may the assessor escalate a low-risk visit: Thames View's
     * form does not show the field, and the value sent anyway is refused, not quietly obeyed or ignored.
     */
    @Test
    void anEscalationIsRefusedWhereThePolicyDoesNotOfferIt() {
        ProcessInstance visit = request();
        authorise(visit);
        assertThat(formVariable(visit, Elements.ASSESS_RISK, ASSESSOR_MAY_ESCALATE)).isFalse();
        assertThatThrownBy(() -> assessRisk(visit, noHazards().with(ESCALATE_FOR_SENIOR_DECISION, true)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(ESCALATE_FOR_SENIOR_DECISION.name());
        assertThat(visit).isWaitingAt(Elements.ASSESS_RISK);
    }

    @Test
    void previousAssessmentOfTheSameFamilyIsOfferedForAmendmentThamesView2_5() {
        ProcessInstance first = request("TVJ-0006", "attendance");
        authorise(first);
        assessRisk(first, noHazards().with(HAZARD_DANGEROUS_ANIMALS, true).with(RISK_CONTROLS, "Dog shut in the kitchen."));
        assertThat(variable(first, RISK_LEVEL)).isEqualTo("medium");

        ProcessInstance second = request("TVJ-0006", "attendance");
        authorise(second);
        assertThat(second).isWaitingAt(Elements.ASSESS_RISK);
        assertThat(variable(second, PREVIOUS_ASSESSMENT_FOUND)).isTrue();
        assertThat(variable(second, PREVIOUS_ASSESSMENT_SUMMARY)).contains(first.getBusinessKey());
        assertThat(variable(second, HAZARD_DANGEROUS_ANIMALS)).isTrue();
        assertThat(variable(second, RISK_CONTROLS)).isEqualTo("Dog shut in the kitchen.");
    }
}
