package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.records.Documents;
import org.doorstep.records.NoteKind;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 item 1: one page tells anyone at the school where a visit stands (status in words, people by
 * name, the school's clock), what happened in order, its letters, and the task to open next; another
 * school's user cannot learn it exists, and safeguarding text is need-to-know and audited when read.
 */
@DoorstepTest
class VisitPageTest extends VisitScenarios {

    /** A Monday in British Summer Time: the page must show 09:30, not the engine's 08:30 UTC. */
    private static final Instant SUMMER = Instant.parse("2026-06-15T08:30:00Z");
    private static final String SAFEGUARDING_TEXT = "Bruise on the left forearm, seen at the door";

    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void inSummer() {
        ClockUtil.setCurrentTime(Date.from(SUMMER));
    }

    /** Requested at 09:30 London, authorised by the headteacher at 09:40, assessed and planned: waiting to sign out. */
    private ProcessInstance plannedVisit() {
        ProcessInstance visit = request();
        timePasses(Duration.ofMinutes(10));
        completeAs("head", visit, HomeVisitProcess.Elements.AUTHORISE,
                answers().with(HomeVisitProcess.Variables.AUTHORISATION_DECISION, "approved"));
        timePasses(Duration.ofMinutes(10));
        assessRisk(visit, noHazards());
        timePasses(Duration.ofMinutes(10));
        complete(visit, HomeVisitProcess.Elements.PLAN, ordinaryPlan()
                .with(HomeVisitProcess.Variables.APPOINTMENT_TIME, "2026-06-15T13:00:00Z")
                .with(HomeVisitProcess.Variables.EXPECTED_RETURN_TIME, "2026-06-15T14:30:00Z"));
        return visit;
    }

    @Test
    void thePageSaysWhereTheVisitStandsInWordsWithNamesAndLondonTimes() {
        ProcessInstance visit = plannedVisit();
        String reference = visit.getBusinessKey();
        long card = documents.store(reference, "CALLING_CARD", reference + "-calling-card.pdf", Documents.PDF,
                new byte[] {'%', 'P', 'D', 'F'}, "office");
        Task signOut = task(visit, HomeVisitProcess.Elements.SIGN_OUT);

        HttpResponse<String> answer = WebClient.signedIn(port, "visitor1", password).get("/visits/" + reference);

        assertThat(answer.statusCode()).isEqualTo(200);
        String page = answer.body();
        assertThat(page).contains("<h1>Visit <span>" + reference + "</span></h1>")
                .contains("<span id=\"status\">Planned: waiting to sign out</span>")
                .contains("href=\"/pupils/" + PUPIL + "\">" + PUPIL_NAME_AMIRA + "</a>")
                .contains("Attendance or refusal to attend")
                .contains("Thames View Junior School")
                .as("the lead and companion by name, with the plan's mobiles")
                .contains("<strong>Vera Vance</strong>").contains("<strong>Victor Vale</strong>").contains(MOBILE)
                .as("the plan's times in British Summer Time").contains("Mon 15 Jun, 14:00").contains("Mon 15 Jun, 15:30")
                .contains("Car: Blue Ford Fiesta ZZ24 DSP")
                .as("requested at 08:30 UTC, shown at 09:30 London").contains("<span>Mon 15 Jun, 09:30</span> by <span>Vera Vance</span>")
                .as("the card opens as the PDF the API serves").contains("href=\"/api/documents/" + card + "\">Calling card</a>")
                .as("the open task, straight into Tasklist")
                .contains("href=\"/camunda/app/tasklist/default/#/?task=" + signOut.getId() + "\"")
                .contains("waiting for School office.")
                .as("no user ids where names belong").doesNotContain(">visitor1<").doesNotContain(">head<");

        String timeLine = page.substring(page.indexOf("id=\"time-line\""), page.indexOf("</table>", page.indexOf("id=\"time-line\"")));
        assertThat(timeLine).as("authorised by the headteacher, by name, at 09:40 London")
                .containsPattern("Mon 15 Jun, 09:40</td>\\s*<td>Authorise the visit: done</td>\\s*<td>Helen Hart</td>");
        assertThat(timeLine).containsSubsequence("Visit requested", "Authorise the visit: done", "Status: Authorised",
                "Assess the risk: done", "Plan the visit: done", "Status: Planned", "Sign out with the office: waiting");
    }

    @Test
    void afterTheVisitThePageSaysWhenTheAgreementsAreCheckedThamesView4_2() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        ProcessInstance visit = request();
        visitTheFamily(visit);
        complete(visit, HomeVisitProcess.Elements.RECORD_VISIT, recordWithAgreements("2026-12-14"));

        String page = WebClient.signedIn(port, "head", password).get("/visits/" + visit.getBusinessKey()).body();

        assertThat(page).contains("<span id=\"status\">Visited: agreements being followed up</span>")
                .contains("<li>Agreement check date on Mon 14 Dec, 00:00.</li>")
                .containsSubsequence("Sign out with the office: done", "Staff arrived", "Record the visit: done",
                        "Status: Visited: agreements being followed up")
                .contains("Parent agreed attendance matters");
    }

    @Test
    void anotherSchoolsUserIsToldTheVisitDoesNotExist() {
        String reference = request().getBusinessKey();

        assertThat(WebClient.signedIn(port, "bur-office", password).get("/visits/" + reference).statusCode()).isEqualTo(404);
        assertThat(WebClient.signedIn(port, "office", password).get("/visits/HV-THA-99999").statusCode()).isEqualTo(404);
    }

    @Test
    void safeguardingNotesAreForTheDslNotTheOfficeAndEachReadIsAudited() {
        String reference = request().getBusinessKey();
        notes.add(reference, NoteKind.OUTCOME, "Parent asked for a morning visit next time", "visitor1");
        notes.add(reference, NoteKind.SAFEGUARDING, SAFEGUARDING_TEXT, "visitor1");

        String office = WebClient.signedIn(port, "office", password).get("/visits/" + reference).body();
        assertThat(office).contains("Parent asked for a morning visit next time").doesNotContain(SAFEGUARDING_TEXT)
                .doesNotContain("Safeguarding notes");
        assertThat(reads(reference, "office")).isZero();

        String dsl = WebClient.signedIn(port, "dsl", password).get("/visits/" + reference).body();
        assertThat(dsl).contains(SAFEGUARDING_TEXT).contains("Parent asked for a morning visit next time");
        assertThat(reads(reference, "dsl")).isOne();
    }

    private long reads(String reference, String reader) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM audit_event WHERE action = 'SAFEGUARDING_NOTES_READ' AND subject_id = ? AND actor = ?""")
                .params(reference, reader).query(Long.class).single();
    }
}
