package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doorstep.DoorstepTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** A browser's session always needs the CSRF token (probe S11), and every page carries the protective headers (S10). */
@DoorstepTest
class CsrfAndHeadersTest {

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Test
    void aSessionCookieNeedsTheTokenWhateverAuthorizationHeaderComesWithIt() {
        WebClient visitor = WebClient.signedIn(port, "visitor1", password).with("Authorization", "Bearer junk");
        assertThat(visitor.postJson("/api/policies/reload", "").statusCode()).isEqualTo(403);
        WebClient adminSession = WebClient.signedIn(port, "admin", password)
                .with("Authorization", WebClient.basicHeader("admin", password));
        assertThat(adminSession.postJson("/api/policies/reload", "").statusCode())
                .as("Basic credentials beside a session cookie").isEqualTo(403);
    }

    @Test
    void aMachineCallingWithBasicCredentialsAndNoSessionNeedsNoToken() {
        assertThat(WebClient.basic(port, "admin", password).postJson("/api/policies/reload", "").statusCode()).isEqualTo(200);
    }

    @Test
    void doorstepsPagesForbidInlineScriptAndFramingByOthers() {
        var page = WebClient.signedIn(port, "office", password).get("/request-visit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("script-src 'self';").contains("frame-ancestors 'self'").contains("object-src 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("only over TLS").isEmpty();
        assertThat(WebClient.anonymous(port).get("/login").headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void theCamundaWebappsKeepCamundasOwnPolicyWhichAllowsWhatTheyNeed() {
        var tasklist = WebClient.signedIn(port, "office", password).get("/camunda/app/tasklist/default/");
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("'unsafe-eval'").contains("frame-ancestors 'none'");
        assertThat(tasklist.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @Test
    void theRestApiSaysItIsNeverAPage() {
        var tasks = WebClient.basic(port, "office", password).get("/engine-rest/task");
        assertThat(tasks.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfig.REST_CSP);
        assertThat(tasks.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void noPageCarriesInlineScriptOrStyleThePolicyWouldBlock() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");
        assertThat(templates).as("the pages' templates").isNotEmpty();
        for (Resource template : templates) {
            String page = template.getFilename();
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page).doesNotContain("<script>").doesNotContain("<style").doesNotContainPattern(" on[a-z]+=")
                    .doesNotContainPattern(" (th:)?style=");
            Matcher script = Pattern.compile("<script src=\"([^\"]+)\"").matcher(html);
            while (script.find()) {
                assertThat(new ClassPathResource("static" + script.group(1)).exists()).as(page + ": " + script.group(1)).isTrue();
            }
        }
    }
}
