package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One sign-in page that says what Doorstep is, and one sign-out that ends Doorstep's and Tasklist's session alike. */
@DoorstepTest
class SignInAndSignOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSignInPageIsDoorstepsOwnNotSpringsGeneratedOne() {
        var page = WebClient.anonymous(port).get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<title>Sign in · Doorstep</title>", "Sign in to Doorstep", "Home visits for your school",
                        "<label for=\"username\">User name</label>", "<label for=\"password\">Password</label>",
                        "name=\"_csrf\"")
                .as("Spring's generated page").doesNotContain("Please sign in", "default-ui.css");
        assertThat(page.body()).as("the demo profile's hint").contains("doorstep-demo");
    }

    @Test
    void aWrongPasswordIsToldPlainlyWithoutSayingWhetherTheUserExists() {
        var wrongPassword = signInForm(WebClient.anonymous(port), "office", "not-the-password");
        assertThat(wrongPassword.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        WebClient stranger = WebClient.anonymous(port);
        signInForm(stranger, "nobody-by-this-name", "not-the-password");
        assertThat(stranger.get("/login?error").body()).contains("Wrong user name or password.")
                .doesNotContain("Bad credentials");
    }

    @Test
    void aThrottledAddressIsToldHowLongToWaitOnTheSignInPage() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
        WebClient guesser = WebClient.anonymous(port);
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            signInForm(guesser, "throttled-at-the-form", "wrong-guess-" + i);
        }
        signInForm(guesser, "throttled-at-the-form", "another-guess");
        assertThat(guesser.get("/login?error").body()).contains("Too many failed sign-ins", "Try again in");
    }

    @Test
    void signingOutOfDoorstepEndsTheTasklistSessionToo() throws Exception {
        WebClient office = WebClient.signedIn(port, "office", password);
        office.get("/camunda/app/tasklist/default/");
        assertThat(office.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"office\"");
        JsonNode me = JSON.readTree(office.get("/api/me").body());

        var signedOut = office.postJson("/logout", "", me.get("csrfHeader").asText(), me.get("csrfToken").asText());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?signed-out"));
        assertThat(office.get("/camunda/api/admin/auth/user/default").statusCode()).as("Tasklist's session").isEqualTo(401);
        assertThat(office.get("/").headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(office.get("/login?signed-out").body()).contains("You have signed out.");
    }

    @Test
    void tasklistsOwnLogOutEndsTheDoorstepSession() {
        WebClient office = CamundaWebapp.signedInWithToken(port, "office", password);
        assertThat(office.get("/").statusCode()).isEqualTo(200);

        var loggedOut = office.post("/camunda/api/admin/auth/user/default/logout", "application/x-www-form-urlencoded", "");

        assertThat(loggedOut.statusCode()).isEqualTo(200);
        assertThat(office.get("/").headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(office.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(office.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void anOldSignOutLinkDoesNotSignOutByItselfButOffersTheButton() {
        WebClient office = WebClient.signedIn(port, "office", password);
        var page = office.get("/logout");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Sign out</h1>", "name=\"_csrf\"").doesNotContain("Are you sure");
        assertThat(office.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> signInForm(WebClient client, String user, String guess) {
        String csrf = client.get("/login").body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        return client.post("/login", "application/x-www-form-urlencoded",
                "username=" + user + "&password=" + guess + "&_csrf=" + csrf);
    }
}
