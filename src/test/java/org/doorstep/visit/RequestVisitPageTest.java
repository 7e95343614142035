package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.doorstep.DoorstepTest;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 item 7, "nothing breaks on a double click": the request page offers the pupils and reasons from
 * the server with nothing chosen for the user, says in words whether a visit was requested, and two
 * requests sent at the same moment make one visit.
 */
@DoorstepTest
class RequestVisitPageTest {

    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thePageOffersTheSchoolsPupilsAndTheReasonsInWordsWithNothingChosen() {
        String page = WebClient.signedIn(port, "visitor1", password).get("/request-visit").body();
        assertThat(page).contains("<option value=\"\">Choose a pupil</option>")
                .contains("<option value=\"attendance\">Attendance or refusal to attend</option>")
                .contains("<option value=\"phased-return\">Phased return after long absence or illness</option>")
                .contains("value=\"TVJ-0001\"")
                .as("only the user's own school").doesNotContain("value=\"BUR-0001\"")
                .as("no pupil preselected").doesNotContainPattern("value=\"TVJ-[0-9]+\" selected")
                .contains("data-social-worker=\"true\"")
                .contains("data-busy=\"Requesting…\"");
    }

    @Test
    void aRequestSaysWhichVisitItMadeAndARepeatSaysItWasAlreadyMade() {
        WebClient visitor = WebClient.signedIn(port, "visitor2", password);
        String form = "pupilId=TVJ-0003&reason=phased-return&announced=true";

        HttpResponse<String> sent = post(visitor, form);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String answer = visitor.get("/request-visit").body();
        String reference = answer.replaceAll("(?s).*Visit <a href=\"/visits/(HV-[A-Z]+-[0-9]+)\">.*", "$1");
        assertThat(reference).startsWith("HV-THA-");
        assertThat(answer).contains(">" + reference + "</a>\n      requested.")
                .contains("the visit starts once the list is signed");
        assertThat(visitor.get("/request-visit").body()).as("said once, not on every visit to the page")
                .doesNotContain("requested.");

        HttpResponse<String> repeat = post(visitor, form);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).contains("Not requested: <span>This visit was already requested moments ago as " + reference)
                .contains("href=\"/visits/" + reference + "\"")
                .as("the answers are kept").contains("value=\"phased-return\" selected");
        assertThat(visitsOf("TVJ-0003", "phased-return", "visitor2")).containsExactly(reference);
    }

    @Test
    void aRefusalIsInWordsWithoutPolicyCodesThamesView2_6() {
        HttpResponse<String> refused = post(WebClient.signedIn(port, "visitor2", password),
                "pupilId=TVJ-0004&reason=support");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Not requested: <span>An unannounced visit cannot be requested for ")
                .contains("Thames View Junior School&#39;s policy needs an appointment made with the parent or carer first.")
                .doesNotContain("visit.appointment").doesNotContain("thames-view-junior@");
        assertThat(visitsOf("TVJ-0004", "support", "visitor2")).isEmpty();
    }

    @Test
    void twoRequestsAtTheSameMomentMakeOneVisit() throws Exception {
        String request = "{\"pupilId\":\"BUR-0003\",\"reason\":\"phased-return\",\"announced\":true}";
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<HttpResponse<String>>> sent = List.of(1, 2).stream()
                .map(click -> CompletableFuture.supplyAsync(() -> {
                    WebClient client = WebClient.basic(port, "bur-visitor1", password);
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return client.postJson("/api/visits", request);
                })).toList();
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
        List<String> made = visitsOf("BUR-0003", "phased-return", "bur-visitor1");
        assertThat(made).hasSize(1);
        HttpResponse<String> repeat = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
        assertThat(repeat.body()).as("the refusal names the visit the first request made")
                .contains("\"reference\":\"" + made.get(0) + "\"");
    }

    private static HttpResponse<String> post(WebClient client, String form) {
        String page = client.get("/request-visit").body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return client.post("/request-visit", "application/x-www-form-urlencoded",
                form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    }

    private List<String> visitsOf(String pupil, String reason, String requestedBy) {
        return jdbc.sql("SELECT reference FROM visit WHERE pupil_id = ? AND reason = ? AND requested_by = ?")
                .params(pupil, reason, requestedBy).query(String.class).list();
    }
}
