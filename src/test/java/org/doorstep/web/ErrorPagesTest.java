package org.doorstep.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.doorstep.DoorstepTest;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** People who are refused or lost get a page that says so in words; programs keep getting a problem detail. */
@DoorstepTest
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Test
    void theOfficeRefusedCockpitIsToldWhatItMayDoInstead() {
        var refused = WebClient.signedIn(port, "office", password).get("/camunda/app/cockpit/default/");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.body())
                .contains("<title>Not for your role · Doorstep</title>", "This page is not for your role", "School office",
                        "What you can do instead")
                .as("the office's own doors").contains("href=\"/camunda/app/tasklist/default/\"", ">Safety board<", ">Check in<")
                .as("no door the office may not open").doesNotContain(">Cockpit<", ">Admin<", ">Schools<")
                .doesNotContain("Whitelabel");
    }

    @Test
    void aFormSentWithoutItsTokenIsToldItHasExpiredNotThatTheRoleIsWrong() {
        WebClient office = WebClient.signedIn(port, "office", password);

        var stale = office.post("/logout", "application/x-www-form-urlencoded", "");

        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("This form has expired", "reload the page").doesNotContain("not for your role");
        assertThat(office.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void anUnknownAddressIsNotFoundOrNotYours() {
        var missing = WebClient.signedIn(port, "visitor1", password).get("/no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Not found, or not yours", ">Check in<").doesNotContain("Whitelabel");
        assertThat(WebClient.anonymous(port).get("/error").statusCode()).as("the error page asked for by itself").isEqualTo(404);
    }

    @Test
    void theApiKeepsAnsweringProblemDetailsEvenToABrowser() {
        WebClient office = WebClient.signedIn(port, "office", password);

        HttpResponse<String> refused = office.get("/api/policies");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertProblem(refused, "\"detail\":\"Your role does not allow this\"");

        HttpResponse<String> otherSchool = office.get("/api/visits/HV-LYN-00001");
        assertThat(otherSchool.statusCode()).isEqualTo(404);
        assertProblem(otherSchool, "\"status\":404");

        HttpResponse<String> unknown = office.get("/api/no-such-endpoint");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, "\"detail\":\"Not found, or not yours to see\"");

        HttpResponse<String> withoutToken = office.postJson("/api/visits", "{}");
        assertThat(withoutToken.statusCode()).as("no CSRF token").isEqualTo(403);
        assertProblem(withoutToken, "\"title\":\"Forbidden\"");
    }

    @Test
    void theWebappsRefusalsToTheirScriptsAreProblemDetailsToo() {
        var refused = WebClient.signedIn(port, "office", password).get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertProblem(refused, "\"status\":403");
    }

    private static void assertProblem(HttpResponse<String> response, String expected) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(expected).doesNotContain("<html");
    }
}
