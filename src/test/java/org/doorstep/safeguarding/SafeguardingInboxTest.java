package org.doorstep.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.CONCERN_AT_DOOR_DETAILS;
import static org.doorstep.visit.HomeVisitProcess.Variables.DSL_DOOR_ACTION;
import static org.doorstep.visit.HomeVisitProcess.Variables.DSL_REVIEW_ACTION;
import static org.doorstep.visit.HomeVisitProcess.Variables.ENTRY_NOTE;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOT_ONLY_CHILD_AT_HOME;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_CONCERN;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_DETAILS;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.security.WebClient;
import org.doorstep.visit.VisitScenarios;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 item 4: the DSL reads a concern raised on a visit in a page, not JSON, decides it there with
 * reasoning that stays in the need-to-know notes (Thames View 4.1: concerns go to the DSL; Burgh 10:
 * safeguarding is escalated at once), and the visit goes on exactly as it does from Tasklist.
 */
@DoorstepTest
class SafeguardingInboxTest extends VisitScenarios {

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    HistoryService historyService;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    ProcessInstance concernRaisedInTheVisitRecord(String whatStaffSaw) {
        ProcessInstance visit = request();
        visitTheFamily(visit);
        completeAs("visitor1", visit, Elements.RECORD_VISIT, ordinaryRecord()
                .with(SAFEGUARDING_CONCERN, true).with(SAFEGUARDING_DETAILS, whatStaffSaw));
        assertThat(visit).isWaitingAt(Elements.DSL_REVIEW);
        return visit;
    }

    WebClient as(String user) {
        return WebClient.signedIn(port, user, password);
    }

    @Test
    void aConcernRaisedOnAVisitIsInTheDslsInboxAndOnlyTheirs() {
        String seen = "SG-INBOX-" + UUID.randomUUID();
        String reference = concernRaisedInTheVisitRecord(seen).getBusinessKey();

        HttpResponse<String> inbox = as("dsl").get("/safeguarding");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("/safeguarding/" + reference, "/visits/" + reference, "/pupils/" + PUPIL,
                PUPIL_NAME_AMIRA, "Waiting for a decision", "In the visit record")
                .as("the inbox lists, it does not show the text").doesNotContain(seen);
        assertThat(as("head").get("/safeguarding").body()).contains("/safeguarding/" + reference);

        assertThat(as("office").get("/safeguarding").statusCode()).isEqualTo(403);
        assertThat(as("office").get("/safeguarding/" + reference).statusCode()).isEqualTo(403);
        assertThat(as("visitor1").get("/safeguarding/" + reference).statusCode()).isEqualTo(403);

        WebClient otherSchoolsDsl = as("lyn-dsl");
        assertThat(otherSchoolsDsl.get("/safeguarding").body()).doesNotContain(reference);
        HttpResponse<String> otherSchool = otherSchoolsDsl.get("/safeguarding/" + reference);
        assertThat(otherSchool.statusCode()).isEqualTo(404);
        assertThat(otherSchool.body()).doesNotContain(seen);
    }

    @Test
    void theDslReadsTheConcernAndEveryReadIsAudited() {
        String seen = "SG-READ-" + UUID.randomUUID();
        String reference = concernRaisedInTheVisitRecord(seen).getBusinessKey();

        HttpResponse<String> page = as("dsl").get("/safeguarding/" + reference);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(seen, "Monitor in school", "Refer to children&#39;s social care", "Your reasoning");

        assertThat(audit.events("visit", reference))
                .filteredOn(event -> event.action().equals("SAFEGUARDING_NOTES_READ"))
                .singleElement().satisfies(read -> {
                    assertThat(read.actor()).isEqualTo("dsl");
                    assertThat(read.detail()).doesNotContain(seen);
                });
    }

    @Test
    void decidingMonitorKeepsTheReasoningInTheNotesAndTheVisitGoesOnAsFromTasklist() {
        String reasoning = "SG-REASONING-" + UUID.randomUUID() + " Mum is engaging; the class teacher watches daily.";
        ProcessInstance decidedHere = concernRaisedInTheVisitRecord("SG-" + UUID.randomUUID());
        ProcessInstance decidedInTasklist = concernRaisedInTheVisitRecord("SG-" + UUID.randomUUID());
        String reference = decidedHere.getBusinessKey();

        WebClient dsl = as("dsl");
        HttpResponse<String> page = dsl.get("/safeguarding/" + reference);
        String taskId = task(decidedHere, Elements.DSL_REVIEW).getId();
        HttpResponse<String> decided = dsl.post("/safeguarding/" + reference, "application/x-www-form-urlencoded",
                form("_csrf", csrf(page.body()), "taskId", taskId, "choice", "monitor", "reasoning", reasoning));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);

        completeAs("dsl", decidedInTasklist, Elements.DSL_REVIEW, answers().with(DSL_REVIEW_ACTION, "monitor"));
        assertThat(decidedHere).isEnded().hasPassed(Elements.DSL_REVIEW, Elements.END_COMPLETED);
        assertThat(decidedInTasklist).isEnded().hasPassed(Elements.DSL_REVIEW, Elements.END_COMPLETED);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(decidedHere.getId())
                .variableName(DSL_REVIEW_ACTION.name()).singleResult().getValue()).isEqualTo("monitor");

        assertThat(notes.notes(reference, true)).filteredOn(note -> note.body().contains(reasoning))
                .singleElement().satisfies(note -> {
                    assertThat(note.kind()).isEqualTo(NoteKind.SAFEGUARDING);
                    assertThat(note.author()).isEqualTo("dsl");
                    assertThat(note.body()).startsWith("DSL decision: Monitor in school.");
                });
        assertThat(notes.notes(reference, false)).extracting(VisitNotes.Note::body).noneMatch(body -> body.contains(reasoning));

        reasoningIsNowhereInCamunda(decidedHere, reasoning);

        HttpResponse<String> after = dsl.get("/safeguarding/" + reference);
        assertThat(after.body()).contains("Your decision is recorded: Monitor in school.", "Decided", reasoning)
                .doesNotContain("Record the decision");
    }

    @Test
    void aDecisionMadeInTasklistShowsOnThePage() {
        ProcessInstance visit = concernRaisedInTheVisitRecord("SG-" + UUID.randomUUID());
        completeAs("dsl", visit, Elements.DSL_REVIEW, answers().with(DSL_REVIEW_ACTION, "noFurtherAction"));

        HttpResponse<String> page = as("head").get("/safeguarding/" + visit.getBusinessKey());
        assertThat(page.body()).contains("No further action", "Dev Singh").doesNotContain("Record the decision");
        assertThat(as("dsl").get("/safeguarding").body()).contains("Decided: No further action");
    }

    @Test
    void aDecisionWithoutReasoningIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance visit = concernRaisedInTheVisitRecord("SG-" + UUID.randomUUID());
        WebClient dsl = as("dsl");
        HttpResponse<String> page = dsl.get("/safeguarding/" + visit.getBusinessKey());
        HttpResponse<String> refused = dsl.post("/safeguarding/" + visit.getBusinessKey(), "application/x-www-form-urlencoded",
                form("_csrf", csrf(page.body()), "taskId", task(visit, Elements.DSL_REVIEW).getId(), "choice", "monitor",
                        "reasoning", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Write down your reasoning");
        assertThat(visit).isWaitingAt(Elements.DSL_REVIEW);
    }

    /** The headteacher reads the concern; the decision is the DSL's, as in Tasklist, and nothing is filed for a refused one. */
    @Test
    void theHeadteacherReadsButTheDecisionIsTheDsls() {
        String seen = "SG-HEAD-" + UUID.randomUUID();
        ProcessInstance visit = concernRaisedInTheVisitRecord(seen);
        WebClient head = as("head");
        HttpResponse<String> page = head.get("/safeguarding/" + visit.getBusinessKey());
        assertThat(page.body()).contains(seen, "This decision is the safeguarding lead's").doesNotContain("Record the decision");

        String reasoning = "SG-NOT-MINE-" + UUID.randomUUID();
        HttpResponse<String> refused = head.post("/safeguarding/" + visit.getBusinessKey(), "application/x-www-form-urlencoded",
                form("_csrf", csrf(page.body()), "taskId", task(visit, Elements.DSL_REVIEW).getId(), "choice", "monitor",
                        "reasoning", reasoning));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("the decision is the safeguarding lead&#39;s");
        assertThat(visit).isWaitingAt(Elements.DSL_REVIEW);
        assertThat(notes.notes(visit.getBusinessKey(), true)).noneMatch(note -> note.body().contains(reasoning));
    }

    /** Burgh 8: a child alone at the door reaches the DSL at once; the DSL acts from the page. */
    @Test
    void aChildAloneAtTheDoorIsInTheInboxAndTheDslActsFromThePageBurgh8() {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        parentArrives(visit);
        String seen = "SG-DOOR-" + UUID.randomUUID();
        completeAs("visitor1", visit, Elements.DECIDE_ENTRY, allYesAtTheDoor().with(NOT_ONLY_CHILD_AT_HOME, "no")
                .with(ENTRY_NOTE, "Only a child answered the door.").with(CONCERN_AT_DOOR_DETAILS, seen));
        assertThat(visit).isWaitingAt(Elements.DSL_ACT_ON_CONCERN_AT_DOOR);
        String reference = visit.getBusinessKey();

        WebClient dsl = as("dsl");
        assertThat(dsl.get("/safeguarding").body()).contains("/safeguarding/" + reference, "At the door: a child alone or a concern");
        HttpResponse<String> page = dsl.get("/safeguarding/" + reference);
        assertThat(page.body()).contains(seen, "Advised the staff at the door; no referral needed");
        HttpResponse<String> decided = dsl.post("/safeguarding/" + reference, "application/x-www-form-urlencoded",
                form("_csrf", csrf(page.body()), "taskId", task(visit, Elements.DSL_ACT_ON_CONCERN_AT_DOOR).getId(),
                        "choice", "advised", "reasoning", "Rang the lead; aunt arrived within minutes."));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);

        assertThat(visit).hasPassed(Elements.DSL_ACT_ON_CONCERN_AT_DOOR, Elements.END_DSL_ACTED_ON_CONCERN);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(visit.getId())
                .variableName(DSL_DOOR_ACTION.name()).singleResult().getValue()).isEqualTo("advised");
    }

    /** Neither the variables nor the form fields Camunda keeps, nor any of its variable tables, hold the text. */
    private void reasoningIsNowhereInCamunda(ProcessInstance visit, String reasoning) {
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(visit.getId()).list())
                .isNotEmpty().allSatisfy(variable -> assertThat(String.valueOf(variable.getValue())).doesNotContain(reasoning));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(visit.getId()).list()).isNotEmpty()
                .allSatisfy(detail -> assertThat(String.valueOf(detail instanceof HistoricVariableUpdate update ? update.getValue()
                        : ((HistoricFormField) detail).getFieldValue())).doesNotContain(reasoning));
        for (String table : new String[] {"ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?")
                    .params("%" + reasoning + "%", "%" + reasoning + "%").query(Long.class).single()).as(table).isZero();
        }
    }

    private static String csrf(String page) {
        return page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    }

    private static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
