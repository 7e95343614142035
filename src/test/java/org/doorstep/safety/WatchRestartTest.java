package org.doorstep.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Restart safety: Doorstep stops between two check-ins and a new engine starts on the same
 * database. The missed check-in still alerts after the restart, exactly once.
 */
@Tag("own-context")
class WatchRestartTest {

    @TempDir
    Path folder;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMissedCheckInAlertsAfterARestartExactlyOnce() {
        String visit;
        Instant arrived;
        try (ConfigurableApplicationContext first = start()) {
            SafetyScenario scenario = scenario(first);
            visit = scenario.depart(Duration.ofHours(2), "visitor1", "visitor2");
            scenario.after(Duration.ofMinutes(10));
            scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
            arrived = scenario.now();
            scenario.after(Duration.ofMinutes(15));
            scenario.checkIn(visit, CheckInType.OK, "visitor2");
            // Stopped here, five minutes after the last check-in; the next is due at +20.
        }
        Instant lastCheckIn = arrived.plus(Duration.ofMinutes(15));
        try (ConfigurableApplicationContext second = start()) {
            SafetyScenario scenario = scenario(second);
            scenario.follow(visit, lastCheckIn.plus(Duration.ofMinutes(5)));
            scenario.after(Duration.ofMinutes(15).minusSeconds(1));
            assertThat(scenario.openTasks(visit)).isEmpty();
            scenario.after(Duration.ofSeconds(1));
            assertThat(scenario.openTasks(visit)).extracting(Task::getTaskDefinitionKey)
                    .containsExactly(StaffSafetyProcess.Elements.OVERDUE_STEP);
            scenario.runDueJobs();
            assertThat(scenario.tasksEverCreated(visit)).isEqualTo(1);
        }
        // And a further restart neither loses nor repeats the alert.
        try (ConfigurableApplicationContext third = start()) {
            SafetyScenario scenario = scenario(third);
            scenario.follow(visit, lastCheckIn.plus(Duration.ofMinutes(21)));
            scenario.runDueJobs();
            assertThat(scenario.openTasks(visit)).hasSize(1);
            assertThat(scenario.tasksEverCreated(visit)).isEqualTo(1);
        }
    }

    private static SafetyScenario scenario(ConfigurableApplicationContext context) {
        return new SafetyScenario(context.getBean(ProcessEngine.class), context,
                context.getBean(JdbcClient.class), context.getBean(CheckIns.class));
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--spring.profiles.active=demo",
                        "--server.port=0",
                        // Its own engine name: closing it must not unregister another context's "default" engine.
                        "--camunda.bpm.process-engine-name=safetyrestart",
                        "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("doorstep") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--doorstep.safety.email-alerts=false");
    }
}
