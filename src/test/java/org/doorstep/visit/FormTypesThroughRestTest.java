package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A candidate who completes their task through the REST API (as Tasklist does, or with a script)
 * cannot slip past the form a value of the wrong type or outside its options (probe S6): each is
 * refused naming the field, and the task and the process stay exactly as they were.
 */
@DoorstepTest
class FormTypesThroughRestTest extends VisitScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    /** The answers as engine-rest variables, with one value replaced by what a client might send instead. */
    static String asRestVariables(Answers answers, String key, Object sent) {
        Map<String, Object> values = new HashMap<>(answers.map());
        values.put(key, sent);
        ObjectNode variables = JSON.createObjectNode();
        values.forEach((name, value) -> {
            if (value != null) {
                variables.putObject(name).putPOJO("value", value).put("type", value.getClass().getSimpleName());
            }
        });
        ObjectNode body = JSON.createObjectNode();
        body.set("variables", variables);
        return body.toString();
    }

    void refusedThroughRest(String candidate, ProcessInstance visit, String elementId, String endpoint, String body,
            String... messageParts) {
        String taskId = task(visit, elementId).getId();
        var before = runtimeService.getVariables(visit.getId());
        var response = WebClient.basic(port, candidate, password).postJson("/engine-rest/task/" + taskId + "/" + endpoint, body);
        assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).contains(messageParts);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task stays open").isOne();
        assertThat(runtimeService.getVariables(visit.getId())).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aCompanionKindThatIsNotAnOptionCannotMakeALoneVisitThamesView2_10() {
        ProcessInstance visit = atThePlan();
        refusedThroughRest("visitor1", visit, Elements.PLAN, "complete",
                asRestVariables(ordinaryPlan(), COMPANION_KIND.name(), "robot"),
                "Second person (companionKind): 'robot' is not one of its options (staff, agency, none)");
    }

    @Test
    void aMobileSentAsANumberIsRefusedNotStoredUnchecked() {
        ProcessInstance visit = atThePlan();
        refusedThroughRest("visitor1", visit, Elements.PLAN, "submit-form",
                asRestVariables(ordinaryPlan(), LEAD_MOBILE.name(), 7700900004L),
                "Lead's mobile number (leadMobile) must be text, not a number");
    }

    @Test
    void timesThatAreNotDatesAreRefusedSoTheWatchNeverGuessesWhenStaffAreBack() {
        ProcessInstance visit = atThePlan();
        Answers plan = ordinaryPlan().with(APPOINTMENT_TIME, "whenever");
        refusedThroughRest("visitor1", visit, Elements.PLAN, "complete",
                asRestVariables(plan, EXPECTED_RETURN_TIME.name(), "not-a-date"),
                "Expected back at school (expectedReturnTime) must be a date and time",
                "Appointment time (appointmentTime) must be a date and time");
    }

    @Test
    void theLeadMustBeAMemberOfStaffAtTheSchool() {
        ProcessInstance visit = atThePlan();
        refusedThroughRest("visitor1", visit, Elements.PLAN, "complete",
                asRestVariables(ordinaryPlan(), LEAD_VISITOR.name(), "nobody-at-all"),
                "(leadVisitor): 'nobody-at-all' is not a member of staff at this school");
        refusedThroughRest("visitor1", visit, Elements.PLAN, "complete",
                asRestVariables(ordinaryPlan(), COMPANION_STAFF.name(), "lyn-visitor2"),
                "(companionStaff): 'lyn-visitor2' is not a member of staff at this school");
    }

    @Test
    void theTextFalseIsNotATickedProtectionRegisterCheck() {
        ProcessInstance visit = request();
        authorise(visit);
        refusedThroughRest("office", visit, Elements.ASSESS_RISK, "complete",
                asRestVariables(noHazards(), PROTECTION_REGISTER_CHECKED.name(), "false"),
                "(protectionRegisterChecked) must be ticked or not ticked (true or false), not text");
    }

    @Test
    void theTextFalseDoesNotSignStaffOut() {
        ProcessInstance visit = atThePlan();
        plan(visit);
        refusedThroughRest("office", visit, Elements.SIGN_OUT, "submit-form",
                asRestVariables(answers(), SIGN_OUT_CONFIRMED.name(), "false"),
                "(signOutConfirmed) must be ticked or not ticked (true or false), not text");
        assertThat(visit).isWaitingAt(Elements.SIGN_OUT);
    }

    @Test
    void theCandidatesOwnGoodAnswersStillGoThroughRest() {
        ProcessInstance visit = atThePlan();
        String taskId = task(visit, Elements.PLAN).getId();
        var response = WebClient.basic(port, "visitor1", password).postJson("/engine-rest/task/" + taskId + "/submit-form",
                asRestVariables(ordinaryPlan(), EXPECTED_RETURN_TIME.name(), "2026-11-23T11:30Z"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(visit).isWaitingAt(Elements.SIGN_OUT);
    }
}
