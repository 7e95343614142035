package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Wrong passwords from one address slow down that address only: the colleague whose name is
 * being guessed still signs in at once from their own machine (probe S10).
 */
@DoorstepTest
class SignInThrottlingTest {

    private static final String USER = "throttle-probe";
    private static final String PASSWORD = "marble-lantern-quiver";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    CamundaIdentityAuthenticationProvider signIn;

    @BeforeEach
    void aColleague() {
        User user = identityService.newUser(USER);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    @AfterEach
    void cleanUp() {
        identityService.deleteUser(USER);
        ClockUtil.reset();
    }

    @Test
    void tenWrongPasswordsFromOneAddressDoNotStopTheRightOneFromAnother() {
        Instant start = Instant.parse("2026-11-30T09:00:00Z");
        for (int i = 0; i < 10; i++) {
            // A minute apart, so that each guess is checked rather than turned away.
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(i))));
            assertThatThrownBy(() -> signIn.authenticate(attempt("203.0.113.9", "wrong-guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(signIn.authenticate(attempt("198.51.100.7", PASSWORD)).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIn.authenticate(attempt("203.0.113.9", PASSWORD)))
                .isInstanceOf(SignInThrottledException.class).hasMessageContaining("Try again in 16 seconds");
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(9).plusSeconds(16))));
        assertThat(signIn.authenticate(attempt("203.0.113.9", PASSWORD)).isAuthenticated()).isTrue();
    }

    @Test
    void theEnginesOwnPerUserDelayIsOffSoOneWrongGuessNeverRefusesTheRightPassword() {
        assertThat(WebClient.basic(port, USER, "wrong-guess").get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(WebClient.basic(port, USER, PASSWORD).get("/engine-rest/task").statusCode()).isEqualTo(200);
    }

    @Test
    void aThrottledAddressIsToldToComeBackLaterWith429() {
        Instant start = Instant.parse("2026-11-30T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            assertThat(WebClient.basic(port, USER, "wrong-guess").get("/engine-rest/task").statusCode()).isEqualTo(401);
        }
        var refused = WebClient.basic(port, USER, PASSWORD).get("/api/me");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("Too many failed sign-ins");
        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(1)));
        assertThat(WebClient.basic(port, USER, PASSWORD).get("/engine-rest/task").statusCode()).isEqualTo(200);
    }

    @Test
    void noOtherEndpointChecksPasswordsBesideTheThrottledSignIn() {
        WebClient admin = WebClient.basic(port, "admin", "doorstep-demo");
        var verify = admin.postJson("/engine-rest/identity/verify", "{\"username\":\"" + USER + "\",\"password\":\"guess\"}");
        assertThat(verify.statusCode()).isEqualTo(403);
        // With the webapps' own CSRF token, so that only Doorstep's rule can be what refuses.
        WebClient signedIn = CamundaWebapp.signedInWithToken(port, "admin", "doorstep-demo");
        assertThat(signedIn.post("/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
                "username=" + USER + "&password=guess").statusCode()).isEqualTo(403);
        assertThat(signedIn.postJson("/camunda/api/engine/engine/default/identity/verify",
                "{\"username\":\"" + USER + "\",\"password\":\"guess\"}").statusCode()).isEqualTo(403);
    }

    private static UsernamePasswordAuthenticationToken attempt(String address, String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(USER, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }
}
