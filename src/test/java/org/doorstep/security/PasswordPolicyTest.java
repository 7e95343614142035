package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.DoorstepTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every user, however made, needs a password of 12 characters or more that is not a common one. */
@DoorstepTest
class PasswordPolicyTest {

    private static final String GOOD = "kettle-orbit-saffron";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Value("${doorstep.demo.password}")
    String demoPassword;

    @AfterEach
    void removeTheProbeUser() {
        identityService.deleteUser("policy-probe");
    }

    @Test
    void theAdministratorCannotCreateAUserWithAShortOrCommonPasswordThroughTheRestApi() {
        WebClient admin = WebClient.basic(port, "admin", demoPassword);
        for (String weak : new String[] {"a", "short-pw", "Password2026!", "qwertyuiop123", "123456789012"}) {
            var refused = admin.postJson("/engine-rest/user/create", newUser(weak));
            assertThat(refused.statusCode()).as(weak).isEqualTo(400);
            assertThat(refused.body()).as(weak).contains("at least 12 characters").contains("commonly used");
            assertThat(identityService.createUserQuery().userId("policy-probe").count()).as(weak).isZero();
        }
        assertThat(admin.postJson("/engine-rest/user/create", newUser(GOOD)).statusCode()).isEqualTo(204);
        assertThat(WebClient.basic(port, "policy-probe", GOOD).get("/engine-rest/task").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeMeetsTheSameRules() {
        WebClient admin = WebClient.basic(port, "admin", demoPassword);
        admin.postJson("/engine-rest/user/create", newUser(GOOD));
        var change = admin.putJson("/engine-rest/user/policy-probe/credentials",
                "{\"password\":\"letmein\",\"authenticatedUserPassword\":\"" + demoPassword + "\"}");
        assertThat(change.statusCode()).isEqualTo(400);
        assertThat(identityService.checkPassword("policy-probe", GOOD)).isTrue();
    }

    @Test
    void doorstepsOwnCodeCannotSaveAWeakPasswordEither() {
        User user = identityService.newUser("policy-probe");
        user.setPassword("welcome12345");
        assertThatThrownBy(() -> identityService.saveUser(user)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("commonly used password");
    }

    @Test
    void thePolicyIsPublishedSoAdminCanShowItWhileAPasswordIsTyped() {
        var policy = WebClient.basic(port, "admin", demoPassword).get("/engine-rest/identity/password-policy");
        assertThat(policy.statusCode()).isEqualTo(200);
        assertThat(policy.body()).contains("PASSWORD_POLICY_LENGTH").contains("\"minLength\":\"12\"")
                .contains(PasswordRules.NotCommon.PLACEHOLDER).contains("PASSWORD_POLICY_USER_DATA");
    }

    @Test
    void theDemoPasswordMeetsThePolicy() {
        assertThat(identityService.checkPasswordAgainstPolicy(demoPassword).isValid()).isTrue();
    }

    private static String newUser(String password) {
        return """
                {"profile":{"id":"policy-probe","firstName":"Pat","lastName":"Probe","email":"probe@doorstep.example"},
                 "credentials":{"password":"%s"}}""".formatted(password);
    }
}
