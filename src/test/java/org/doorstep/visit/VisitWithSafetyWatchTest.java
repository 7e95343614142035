package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.doorstep.DoorstepTest;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The visit and the staff-safety watch together, as staff use them: signing out with the office
 * starts the watch, and the phone's check-ins move both the visit and the watch.
 */
@DoorstepTest
class VisitWithSafetyWatchTest extends VisitScenarios {

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    HistoryService historyService;

    @Test
    void signingOutStartsTheWatchAndThePhonesCheckInsCarryTheVisitThroughTheDoorAndHome() {
        ProcessInstance visit = request();
        authorise(visit);
        assessRisk(visit, noHazards());
        plan(visit);
        signOut(visit);
        String reference = visit.getBusinessKey();
        assertThat(watch(reference).count()).as("a watch started by signing out").isEqualTo(1);

        WebClient phone = WebClient.basic(port, "visitor1", password);
        assertThat(checkIn(phone, reference, "ARRIVED")).isEqualTo(200);
        assertThat(visit).isWaitingAt(Elements.WAIT_FOR_PARENT);

        parentArrives(visit);
        goIn(visit);
        assertThat(checkIn(phone, reference, "OK")).isEqualTo(200);
        assertThat(checkIn(phone, reference, "LEAVING")).isEqualTo(200);
        assertThat(visit).isWaitingAt(Elements.RECORD_VISIT);

        assertThat(checkIn(phone, reference, "BACK")).isEqualTo(200);
        assertThat(watch(reference).count()).as("the watch ends when staff are back at school").isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(StaffSafetyProcess.KEY)
                .processInstanceBusinessKey(reference).completed().count()).isEqualTo(1);
        assertThat(checkIn(phone, reference, "OK")).as("nothing to check in to any more").isEqualTo(409);
    }

    private ProcessInstanceQuery watch(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(StaffSafetyProcess.KEY)
                .processInstanceBusinessKey(reference);
    }

    private static int checkIn(WebClient phone, String reference, String type) {
        return phone.postJson("/api/visits/" + reference + "/check-ins", "{\"type\":\"" + type + "\"}").statusCode();
    }
}
