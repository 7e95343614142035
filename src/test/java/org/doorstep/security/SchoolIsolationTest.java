package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One Doorstep serves many schools: each school is a tenant, and nobody of one school can list,
 * open, complete or correlate anything of another, whichever door they try.
 */
@DoorstepTest
class SchoolIsolationTest {

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    VisitService visits;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    String thamesViewVisit;
    String lynnfieldVisit;
    String burghVisit;

    @BeforeEach
    void oneVisitAtEachOfThreeSchools() {
        thamesViewVisit = visits.requestVisit("TVJ-0004", "attendance", "office").getBusinessKey();
        lynnfieldVisit = visits.requestVisit("LYN-0004", "attendance", "lyn-office").getBusinessKey();
        burghVisit = visits.requestVisit("BUR-0004", "attendance", "bur-office").getBusinessKey();
    }

    @Test
    void aVisitBelongsToItsSchoolsTenant() {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(thamesViewVisit).singleResult()
                .getTenantId()).isEqualTo("thames-view-junior");
        assertThat(taskOf(lynnfieldVisit).getTenantId()).isEqualTo("lynnfield-primary");
    }

    @Test
    void anotherSchoolsHeadteacherCannotListOrCompleteItsTasksThroughTasklistsApi() {
        Task thamesViewTask = taskOf(thamesViewVisit);
        WebClient otherHead = WebClient.basic(port, "bur-head", password);
        assertThat(otherHead.get("/engine-rest/task?processInstanceBusinessKey=" + thamesViewVisit).body()).isEqualTo("[]");
        assertThat(otherHead.get("/engine-rest/task/" + thamesViewTask.getId()).statusCode()).isEqualTo(404);
        var completion = otherHead.postJson("/engine-rest/task/" + thamesViewTask.getId() + "/complete",
                "{\"variables\":{\"authorisationDecision\":{\"value\":\"approved\"}}}");
        // "Not found", as Doorstep's own API answers: the task's existence is not confirmed (api.EngineRestErrors).
        assertThat(completion.statusCode()).isEqualTo(404);
        assertThat(taskService.createTaskQuery().taskId(thamesViewTask.getId()).count()).isEqualTo(1);

        WebClient ownHead = WebClient.basic(port, "head", password);
        assertThat(ownHead.get("/engine-rest/task?processInstanceBusinessKey=" + thamesViewVisit).body())
                .contains(thamesViewTask.getId());
    }

    @Test
    void anotherSchoolCannotCorrelateAMessageToAVisit() {
        var correlation = WebClient.basic(port, "bur-office", password).postJson("/engine-rest/message",
                "{\"messageName\":\"StaffArrived\",\"businessKey\":\"" + thamesViewVisit + "\"}");
        assertThat(correlation.statusCode()).isEqualTo(400);
        assertThat(correlation.body()).contains("No process definition or execution matches");
        assertThat(taskOf(thamesViewVisit)).isNotNull();
    }

    @Test
    void cockpitShowsLeadersOnlyTheirOwnSchoolsVisits() {
        String query = "/camunda/api/engine/engine/default/process-instance?businessKey=";
        WebClient thamesViewLeader = WebClient.signedIn(port, "leader", password);
        WebClient burghLeader = WebClient.signedIn(port, "bur-leader", password);
        assertThat(thamesViewLeader.get(query + thamesViewVisit).body()).contains(thamesViewVisit);
        assertThat(burghLeader.get(query + thamesViewVisit).body()).isEqualTo("[]");
        assertThat(burghLeader.get("/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKey="
                + thamesViewVisit).body()).isEqualTo("[]");
    }

    @Test
    void aLocalAuthorityOfficerSeesTheSchoolsTheyCoverAndNoOther() {
        WebClient officer = WebClient.basic(port, "la-officer", password);
        String instances = "/engine-rest/process-instance?businessKey=";
        assertThat(officer.get(instances + burghVisit).body()).contains(burghVisit);
        assertThat(officer.get(instances + lynnfieldVisit).body()).contains(lynnfieldVisit);
        assertThat(officer.get(instances + thamesViewVisit).body()).isEqualTo("[]");
    }

    @Test
    void anotherSchoolCannotReadAVisitOrRequestOneForItsPupil() {
        WebClient burghOffice = WebClient.basic(port, "bur-office", password);
        assertThat(burghOffice.get("/api/visits/" + thamesViewVisit).statusCode()).isEqualTo(404);
        assertThat(burghOffice.get("/api/visits/" + thamesViewVisit + "/documents").statusCode()).isEqualTo(404);
        var request = burghOffice.postJson("/api/visits", "{\"pupilId\":\"TVJ-0001\",\"reason\":\"attendance\"}");
        assertThat(request.statusCode()).isEqualTo(404);
        assertThat(request.body()).contains("No pupil TVJ-0001 in your schools");
        assertThat(WebClient.basic(port, "office", password).get("/api/visits/" + thamesViewVisit).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherSchoolsRegisterCannotTouchAPupilNorItsCasesBeRead() {
        var register = WebClient.basic(port, "bur-office", password).post("/api/attendance", "text/csv",
                "pupil_id,date,session,code\nTVJ-0001,2026-11-20,AM,O\nBUR-0001,2026-11-20,AM,/\n");
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.body()).contains("unknown pupil 'TVJ-0001'").doesNotContain("BUR-0001'");
        assertThat(WebClient.basic(port, "bur-dsl", password).get("/api/absence-cases?pupil=TVJ-0001").statusCode())
                .isEqualTo(404);
        assertThat(WebClient.basic(port, "bur-office", password)
                .post("/api/attendance/evaluation?school=thames-view-junior", "application/json", "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherSchoolsStaffCannotCheckInToAVisitNorLearnThatItExists() {
        var checkIn = WebClient.basic(port, "bur-visitor1", password)
                .postJson("/api/visits/" + thamesViewVisit + "/check-ins", "{\"type\":\"ARRIVED\"}");
        assertThat(checkIn.statusCode()).isEqualTo(404);
        assertThat(checkIn.body()).contains("There is no visit " + thamesViewVisit);
        var ownSchool = WebClient.basic(port, "visitor1", password)
                .postJson("/api/visits/" + thamesViewVisit + "/check-ins", "{\"type\":\"ARRIVED\"}");
        assertThat(ownSchool.statusCode()).as("not signed out yet: refused for that reason, not as unknown").isEqualTo(409);
    }

    @Test
    void doorstepsOwnEndpointsHideAnotherSchoolsVisit() {
        assertThat(WebClient.signedIn(port, "bur-dsl", password).get("/api/visits/" + thamesViewVisit + "/notes").statusCode())
                .isEqualTo(404);
        assertThat(WebClient.signedIn(port, "bur-dsl", password).get("/api/visits/" + burghVisit + "/notes").statusCode())
                .isEqualTo(200);
    }

    private Task taskOf(String visit) {
        return taskService.createTaskQuery().processInstanceBusinessKey(visit).singleResult();
    }
}
