package org.doorstep.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.doorstep.DoorstepTest;
import org.doorstep.notification.LoggingSmsGateway;
import org.doorstep.notification.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts and their e-mails and texts are one transaction: the outbox rows are written by the step
 * that raises the alert, in the engine's transaction, so they exist exactly when the alert does.
 */
@DoorstepTest
class AlertOutboxTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CheckIns checkIns;
    @Autowired
    Outbox outbox;
    @Autowired
    LoggingSmsGateway sms;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;

    SafetyScenario scenario;

    @BeforeEach
    void start() {
        scenario = new SafetyScenario(engine, events, jdbc, checkIns);
    }

    @AfterEach
    void finish() {
        scenario.close();
    }

    @Test
    void anEmergencyQueuesItsEmailsAndTextsWithTheAlertAndSendsThemOnlyOnDelivery() {
        String visit = scenario.depart(Duration.ofHours(2), "visitor1");
        scenario.checkIn(visit, CheckInType.EMERGENCY, "visitor1");

        assertThat(scenario.openTasks(visit)).extracting(task -> task.getTaskDefinitionKey())
                .containsExactly(StaffSafetyProcess.Elements.CALL_POLICE_NOW);
        List<Row> queued = rows(visit);
        // Senior leaders and the office, by e-mail and by text, all under the one alert's key.
        assertThat(queued).extracting(Row::channel, Row::recipientUser).containsExactlyInAnyOrder(
                tuple("EMAIL", "leader"), tuple("EMAIL", "office"),
                tuple("SMS", "leader"), tuple("SMS", "office"));
        assertThat(queued).extracting(Row::alertKey).containsOnly(queued.get(0).alertKey());
        assertThat(queued).extracting(Row::status).containsOnly("PENDING");
        assertThat(textsAbout(visit)).as("nothing leaves before delivery").isEmpty();

        outbox.deliverDue();
        assertThat(textsAbout(visit)).hasSize(2);
        assertThat(rows(visit)).filteredOn(row -> row.channel().equals("SMS")).extracting(Row::status).containsOnly("SENT");
    }

    @Test
    void aStepThatRollsBackQueuesNothing() {
        String visit = scenario.depart(Duration.ofHours(2), "visitor1");
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            scenario.checkIn(visit, CheckInType.EMERGENCY, "visitor1");
            assertThat(rows(visit)).as("written inside the engine's transaction").hasSize(4);
            throw new IllegalStateException("the step fails after raising the alert");
        })).hasMessage("the step fails after raising the alert");

        assertThat(rows(visit)).isEmpty();
        assertThat(scenario.openTasks(visit)).isEmpty();
        outbox.deliverDue();
        assertThat(textsAbout(visit)).isEmpty();
    }

    @Test
    void theAlertLatencyIsTakenFromTheTimersDueMoment() {
        String visit = scenario.depart(Duration.ofHours(2), "visitor1");
        scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
        Timer before = meters.find("doorstep.alert.latency").tag("step", "RING_MOBILE").timer();
        long countBefore = before == null ? 0 : before.count();
        double secondsBefore = before == null ? 0 : before.totalTime(TimeUnit.SECONDS);

        // The check-in falls due 20 minutes after arrival; the job runs 7 seconds later.
        scenario.after(Duration.ofMinutes(20).plusSeconds(7));

        assertThat(scenario.openTasks(visit)).hasSize(1);
        Timer ringMobile = meters.get("doorstep.alert.latency").tag("step", "RING_MOBILE").timer();
        assertThat(ringMobile.count() - countBefore).isEqualTo(1);
        assertThat(ringMobile.totalTime(TimeUnit.SECONDS) - secondsBefore).isEqualTo(7.0);
    }

    private List<Row> rows(String visit) {
        return jdbc.sql("SELECT alert_key, channel, recipient_user, status FROM notification_outbox WHERE visit_reference = ? ORDER BY id")
                .param(visit).query(Row.class).list();
    }

    private List<String> textsAbout(String visit) {
        return sms.sent().stream().map(LoggingSmsGateway.Text::text).filter(text -> text.contains(visit)).toList();
    }

    record Row(String alertKey, String channel, String recipientUser, String status) {
    }
}
