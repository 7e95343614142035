package org.doorstep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile there are no default passwords: a start without an administrator fails. */
@Tag("own-context")
class ProductionStartTest {

    @Test
    void refusesToStartWithoutConfiguredCredentials() {
        assertThatThrownBy(() -> start("refuse", "", "").close())
                .rootCause()
                .hasMessageContaining("no administrator exists")
                .hasMessageContaining("DOORSTEP_ADMIN_USERNAME");
    }

    @Test
    void refusesAShortAdministratorPassword() {
        assertThatThrownBy(() -> start("short", "root", "short").close())
                .rootCause()
                .hasMessageContaining("at least 12 characters");
    }

    @Test
    void refusesACommonAdministratorPasswordHoweverLong() {
        assertThatThrownBy(() -> start("common", "root", "Password2026!").close())
                .rootCause()
                .hasMessageContaining("not a commonly used password");
    }

    @Test
    void createsTheFirstAdministratorFromConfigurationAndNoDemoUsers() {
        try (ConfigurableApplicationContext context = start("configured", "firstadmin", "a-long-enough-secret")) {
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.checkPassword("firstadmin", "a-long-enough-secret")).isTrue();
            assertThat(identity.createUserQuery().userId("visitor1").count()).isZero();
            assertThat(identity.createUserQuery().count()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String database, String adminUser, String adminPassword) {
        return new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--spring.profiles.active=production-check",
                        "--server.port=0",
                        // Its own engine name: closing it must not unregister the shared test context's "default" engine.
                        "--camunda.bpm.process-engine-name=productioncheck",
                        "--spring.datasource.url=jdbc:h2:mem:production-" + database + ";DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--doorstep.security.initial-admin.username=" + adminUser,
                        "--doorstep.security.initial-admin.password=" + adminPassword);
    }
}
