package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_DOCUMENT_ID;

import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.trigger.TriggerTestSupport;
import org.doorstep.trigger.VisitLists;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The visit API: requesting a visit, and the notice as a real PDF for the staff who post it, not others. */
@DoorstepTest
class VisitApiTest extends VisitScenarios {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    VisitLists visitLists;
    @Autowired
    IdentityService identityService;

    long cardOfACancelledVisit() {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, Duration.ofMinutes(20));
        return variable(visit, NOTICE_DOCUMENT_ID);
    }

    @Test
    void visitingStaffDownloadTheCardAsAPdf() {
        long card = cardOfACancelledVisit();
        ResponseEntity<byte[]> response = rest.withBasicAuth("visitor1", "doorstep-demo")
                .getForEntity("/api/documents/" + card, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(response.getBody(), 0, 5)).isEqualTo("%PDF-");
    }

    /** Thames View 3.3: a visit requested through the API waits for the signed weekly list, then for the headteacher. */
    @Test
    void officeRequestsAVisitThroughTheApiAndItWaitsForTheSignedListThenTheHeadteacher() {
        ResponseEntity<java.util.Map> created = rest.withBasicAuth("office", "doorstep-demo").postForEntity("/api/visits",
                java.util.Map.of("pupilId", "TVJ-0002", "reason", "safe-and-well"), java.util.Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        assertThat(created.getBody()).containsEntry("status", VisitService.AWAITING_LIST);
        assertThat((String) created.getBody().get("nextStep")).contains("weekly visit list");
        assertThat(created.getBody()).containsEntry("page", "/visits/" + created.getBody().get("reference"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();

        TriggerTestSupport.signTodaysVisitList(visitLists, taskService, identityService, "thames-view-junior", "head");

        ProcessInstance visit = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(visit).isWaitingAt(Elements.AUTHORISE);
        assertThat(visits.requestedBy(reference)).contains("office");
    }

    @Test
    void anUnknownReasonIsRefused() {
        ResponseEntity<java.util.Map> refused = rest.withBasicAuth("office", "doorstep-demo").postForEntity("/api/visits",
                java.util.Map.of("pupilId", "TVJ-0002", "reason", "curiosity"), java.util.Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("detail")).contains("Unknown visit reason");
        assertThat(refused.getBody()).containsEntry("field", "reason");
    }

    @Test
    void aRoleWithNoPartInVisitsCannotDownloadIt() {
        long card = cardOfACancelledVisit();
        ResponseEntity<byte[]> response = rest.withBasicAuth("leader", "doorstep-demo")
                .getForEntity("/api/documents/" + card, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
