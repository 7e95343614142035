package org.doorstep.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.OwnDoorstep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        return OwnDoorstep.start(folder, "safetyrestart", "--doorstep.safety.email-alerts=false");
    }
}
