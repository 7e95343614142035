package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.ADULT_PRESENT_AND_INVITES;
import static org.doorstep.visit.HomeVisitProcess.Variables.CONCERN_AT_DOOR_DETAILS;
import static org.doorstep.visit.HomeVisitProcess.Variables.ENTRY_NOTE;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOT_ONLY_CHILD_AT_HOME;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_CONCERN;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_DETAILS;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.security.WebClient;
import org.doorstep.workflow.SensitiveHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Safeguarding text is need-to-know (Thames View 4.1 with the DSL; Burgh 10): whichever way the
 * visiting staff member submits it (probe S2: {@code complete}, {@code submit-form} as Tasklist
 * does, or the variables API), no role reads it back from the process or its history through
 * engine-rest or Cockpit's API; the DSL and the headteacher read it in the notes, and that read
 * is audited.
 */
@DoorstepTest
class SafeguardingTextOutOfHistoryTest extends VisitScenarios {

    static final List<String> EVERY_ROLE = List.of("visitor1", "office", "head", "dsl", "leader", "admin");

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    AuditTrail audit;

    @Autowired
    SensitiveHistory sensitiveHistory;

    @Autowired
    JdbcClient jdbc;

    ProcessInstance atTheRecord() {
        ProcessInstance visit = request();
        visitTheFamily(visit);
        assertThat(visit).isWaitingAt(Elements.RECORD_VISIT);
        return visit;
    }

    static String secret(String path) {
        return "SG-SECRET-" + path + "-" + UUID.randomUUID();
    }

    void recordConcernThroughRest(ProcessInstance visit, String endpoint, String details) {
        Answers record = ordinaryRecord().with(SAFEGUARDING_CONCERN, true).with(SAFEGUARDING_DETAILS, details);
        var response = WebClient.basic(port, "visitor1", password).postJson(
                "/engine-rest/task/" + task(visit, Elements.RECORD_VISIT).getId() + "/" + endpoint,
                FormTypesThroughRestTest.asRestVariables(record, SAFEGUARDING_DETAILS.name(), details));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(visit).isWaitingAt(Elements.DSL_REVIEW);
    }

    void nobodyReadsItFromTheProcessOrItsHistory(ProcessInstance visit, String... secrets) {
        nobodyReadsItWhileATaskIsOpen(visit, Elements.DSL_REVIEW, secrets);
    }

    /** Every engine-rest and Cockpit read of the process and its history that could hold the text. */
    void nobodyReadsItWhileATaskIsOpen(ProcessInstance visit, String openTaskElement, String... secrets) {
        String instance = visit.getId();
        String openTask = task(visit, openTaskElement).getId();
        List<String> reads = List.of(
                "/engine-rest/history/detail?processInstanceId=" + instance,
                "/engine-rest/history/variable-instance?processInstanceId=" + instance + "&includeDeleted=true",
                "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                "/engine-rest/task/" + openTask + "/variables",
                "/engine-rest/process-instance/" + instance + "/variables",
                "/engine-rest/history/user-operation?processInstanceId=" + instance);
        for (String role : EVERY_ROLE) {
            WebClient rest = WebClient.basic(port, role, password);
            for (String read : reads) {
                assertThat(rest.get(read).body()).as(role + " GET " + read).doesNotContain(secrets);
            }
            HttpResponse<String> cockpit = WebClient.signedIn(port, role, password)
                    .get("/camunda/api/engine/engine/default/history/detail?processInstanceId=" + instance);
            assertThat(cockpit.body()).as(role + " through Cockpit's API").doesNotContain(secrets);
        }
    }

    /** The history rows are there, with the marker where the text was: the reads above were not simply empty. */
    void historyShowsTheMarker(ProcessInstance visit) {
        historyShowsTheMarker(visit, SAFEGUARDING_DETAILS.name());
    }

    void historyShowsTheMarker(ProcessInstance visit, String variable) {
        String details = WebClient.basic(port, "leader", password)
                .get("/engine-rest/history/detail?processInstanceId=" + visit.getId()).body();
        assertThat(details).contains(SensitiveHistory.REDACTED).contains(variable);
    }

    void theDslAndHeadStillReadItInTheNotesAndThatIsAudited(ProcessInstance visit, String details) {
        String reference = visit.getBusinessKey();
        for (String reader : List.of("dsl", "head")) {
            var notes = WebClient.basic(port, reader, password).get("/api/visits/" + reference + "/safeguarding-notes");
            assertThat(notes.statusCode()).isEqualTo(200);
            assertThat(notes.body()).contains(details);
        }
        assertThat(audit.events("visit", reference)).filteredOn(event -> event.action().equals("SAFEGUARDING_NOTES_READ"))
                .extracting(AuditTrail.AuditEvent::actor).containsExactlyInAnyOrder("dsl", "head");
    }

    @Test
    void submittedAsTasklistDoesItIsInNoHistory() {
        ProcessInstance visit = atTheRecord();
        String details = secret("submit-form");
        recordConcernThroughRest(visit, "submit-form", details);
        nobodyReadsItFromTheProcessOrItsHistory(visit, details);
        historyShowsTheMarker(visit);
        theDslAndHeadStillReadItInTheNotesAndThatIsAudited(visit, details);
    }

    /**
     * Burgh 8, William Lilley "During": what staff saw of a child alone at the door goes to the DSL
     * at once, and like a recorded concern it stays out of the process and its history.
     */
    @Test
    void whatStaffSawOfAChildAloneAtTheDoorIsInNoHistoryBurgh8() {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        parentArrives(visit);
        String seen = secret("at-the-door");
        Answers door = allYesAtTheDoor().with(ADULT_PRESENT_AND_INVITES, "no").with(NOT_ONLY_CHILD_AT_HOME, "no")
                .with(ENTRY_NOTE, "Only a child answered the door.");
        var response = WebClient.basic(port, "visitor1", password).postJson(
                "/engine-rest/task/" + task(visit, Elements.DECIDE_ENTRY).getId() + "/submit-form",
                FormTypesThroughRestTest.asRestVariables(door, CONCERN_AT_DOOR_DETAILS.name(), seen));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(visit).isWaitingAt(Elements.DSL_ACT_ON_CONCERN_AT_DOOR, Elements.READ_CANCELLATION_REPORT);

        nobodyReadsItWhileATaskIsOpen(visit, Elements.DSL_ACT_ON_CONCERN_AT_DOOR, seen);
        historyShowsTheMarker(visit, CONCERN_AT_DOOR_DETAILS.name());
        theDslAndHeadStillReadItInTheNotesAndThatIsAudited(visit, seen);
    }

    @Test
    void whatEarlierVersionsLeftInHistoryIsOverwrittenAtStartUp() {
        ProcessInstance visit = atTheRecord();
        String details = secret("earlier-version");
        recordConcernThroughRest(visit, "submit-form", details);
        // As Doorstep before the redaction left it: the text in the form-field and variable rows.
        for (String table : List.of("ACT_HI_DETAIL", "ACT_HI_VARINST")) {
            jdbc.sql("UPDATE " + table + " SET TEXT_ = :text WHERE PROC_INST_ID_ = :instance AND NAME_ = :name")
                    .param("text", details).param("instance", visit.getId()).param("name", SAFEGUARDING_DETAILS.name())
                    .update();
        }
        String leadersRead = "/engine-rest/history/detail?processInstanceId=" + visit.getId();
        assertThat(WebClient.basic(port, "leader", password).get(leadersRead).body()).as("precondition").contains(details);

        sensitiveHistory.redactWhatEarlierVersionsKept();

        assertThat(WebClient.basic(port, "leader", password).get(leadersRead).body()).doesNotContain(details);
        assertThat(WebClient.basic(port, "leader", password).get("/engine-rest/history/variable-instance?processInstanceId="
                + visit.getId() + "&includeDeleted=true").body()).doesNotContain(details);
        historyShowsTheMarker(visit);
    }

    @Test
    void setThroughTheVariablesApiAndCompletedItIsInNoHistory() {
        ProcessInstance visit = atTheRecord();
        String draft = secret("variables-api");
        String details = secret("complete");
        String taskId = task(visit, Elements.RECORD_VISIT).getId();
        // Candidates may not use the variables API (docs/security-model.md); administrators still may.
        var saved = WebClient.basic(port, "admin", password).postJson("/engine-rest/task/" + taskId + "/variables",
                "{\"modifications\":{\"" + SAFEGUARDING_DETAILS.name() + "\":{\"value\":\"" + draft + "\",\"type\":\"String\"}}}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        recordConcernThroughRest(visit, "complete", details);
        nobodyReadsItFromTheProcessOrItsHistory(visit, draft, details);
        historyShowsTheMarker(visit);
        theDslAndHeadStillReadItInTheNotesAndThatIsAudited(visit, details);
    }
}
