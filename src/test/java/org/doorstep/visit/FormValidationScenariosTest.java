package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.workflow.FormValidationException;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused on the server, whatever the client: the message names the field, the task
 * stays open, and nothing the process held before is lost.
 */
@DoorstepTest
class FormValidationScenariosTest extends VisitScenarios {

    void refused(ProcessInstance visit, String elementId, Answers answers, String... messageParts) {
        Task task = task(visit, elementId);
        var before = runtimeService.getVariables(visit.getId());
        // The engine wraps what a task listener throws; the message still names every field at fault.
        assertThatThrownBy(() -> taskService.complete(task.getId(), answers.map()))
                .isInstanceOf(ProcessEngineException.class)
                .satisfies(refusal -> assertThat(refusal).hasMessageContainingAll(messageParts)
                        .satisfiesAnyOf(
                                error -> assertThat(error).isInstanceOf(FormValidationException.class),
                                error -> assertThat(error).hasRootCauseInstanceOf(FormValidationException.class)));
        assertThat(visit).isWaitingAt(elementId);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task stays open").isOne();
        assertThat(runtimeService.getVariables(visit.getId())).as("nothing changed or lost").isEqualTo(before);
    }

    @Test
    void missingRequiredDecisionIsRefusedNamingTheField() {
        ProcessInstance visit = request();
        refused(visit, Elements.AUTHORISE, answers(), "Decision (authorisationDecision) is required");
    }

    @Test
    void rejectionWithoutAReasonIsRefusedButApprovalNeedsNone() {
        ProcessInstance visit = request();
        refused(visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "rejected"),
                "Reason or changes asked for (authorisationComment) is required");
        authorise(visit);
        assertThat(visit).isWaitingAt(Elements.ASSESS_RISK);
    }

    @Test
    void malformedMobileNumberIsRefusedThamesView2_3() {
        ProcessInstance visit = atThePlan();
        refused(visit, Elements.PLAN, ordinaryPlan().with(LEAD_MOBILE, "0770 12"),
                "Lead's mobile number (leadMobile) is not valid", "UK mobile number");
    }

    @Test
    void malformedVehicleRegistrationIsRefusedThamesView2_9() {
        ProcessInstance visit = atThePlan();
        refused(visit, Elements.PLAN, ordinaryPlan().with(VEHICLE_REGISTRATION, "NOT A REG"),
                "Vehicle registration (vehicleRegistration) is not valid");
    }

    @Test
    void carDetailsAreNotAskedForOnFootButTheRouteIsLynnfield3() {
        ProcessInstance visit = atThePlan();
        Answers onFoot = ordinaryPlan().with(TRANSPORT, "foot").with(VEHICLE_MAKE, null).with(VEHICLE_MODEL, null)
                .with(VEHICLE_REGISTRATION, null).with(VEHICLE_COLOUR, null).with(VEHICLE_INSURANCE_CONFIRMED, null);
        refused(visit, Elements.PLAN, onFoot, "Route on foot (walkingRoute) is required");
        complete(visit, Elements.PLAN, onFoot.with(WALKING_ROUTE, "Along Riverside Walk, left at the park."));
        assertThat(visit).isWaitingAt(Elements.SIGN_OUT);
    }

    @Test
    void loneWorkingIsRefusedWhereThePolicyAlwaysPairsThamesView2_10() {
        ProcessInstance visit = atThePlan();
        refused(visit, Elements.PLAN, ordinaryPlan().with(COMPANION_KIND, "none").with(COMPANION_STAFF, null)
                .with(COMPANION_MOBILE, null), "Second person (companionKind)", "must be paired");
    }

    @Test
    void anotherAgencysProfessionalIsRefusedWhereThePolicyAsksForTwoStaffThamesView2_10() {
        ProcessInstance visit = atThePlan();
        refused(visit, Elements.PLAN, ordinaryPlan().with(COMPANION_KIND, "agency")
                .with(COMPANION_ORGANISATION, "Riverside Family Support"), "two members of staff");
    }

    @Test
    void agreementsWithoutACheckDateAreRefusedThamesView4_1() {
        ProcessInstance visit = request();
        visitTheFamily(visit);
        refused(visit, Elements.RECORD_VISIT, recordWithAgreements(null), "Check the agreements on (agreementCheckDate)");
    }

    @Test
    void safeguardingConcernWithoutDetailsIsRefused() {
        ProcessInstance visit = request();
        visitTheFamily(visit);
        refused(visit, Elements.RECORD_VISIT, ordinaryRecord().with(SAFEGUARDING_CONCERN, true),
                "Safeguarding concern (safeguardingDetails) is required");
    }

    @Test
    void uncheckedRequiredCheckboxIsRefused() {
        ProcessInstance visit = atThePlan();
        plan(visit);
        refused(visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, false), "(signOutConfirmed) is required");
    }
}
