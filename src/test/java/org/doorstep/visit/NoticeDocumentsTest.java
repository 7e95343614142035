package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_DOCUMENT_ID;

import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The notice is a real PDF that the staff who post it can download, and others cannot. */
@DoorstepTest
class NoticeDocumentsTest extends VisitScenarios {

    @Autowired
    TestRestTemplate rest;

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

    @Test
    void aRoleWithNoPartInVisitsCannotDownloadIt() {
        long card = cardOfACancelledVisit();
        ResponseEntity<byte[]> response = rest.withBasicAuth("leader", "doorstep-demo")
                .getForEntity("/api/documents/" + card, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
