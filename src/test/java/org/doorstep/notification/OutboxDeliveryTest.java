package org.doorstep.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.doorstep.notification.Outbox.Alert;
import org.doorstep.notification.Outbox.Channel;
import org.doorstep.notification.Outbox.Recipient;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.AuditTrail.AuditEvent;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox delivers every queued alert message exactly once per recipient: through a mail server
 * that was down, past a node that died holding a claim, and never again on a later run. The engine
 * clock is moved for back-off and leases; nothing sleeps.
 */
@DoorstepTest
class OutboxDeliveryTest {

    /** On a free port; the shared mail sender is pointed at it (or at a closed port: "the server is down"). */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final AtomicInteger ALERTS = new AtomicInteger();
    /** Far from any other test's messages, so the health check sees only this test's. */
    private static final Instant START = Instant.parse("2001-02-05T09:00:00Z");

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    LoggingSmsGateway sms;
    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;

    String configuredHost;
    int configuredPort;
    String visit;
    Instant now = START;

    @BeforeEach
    void start() {
        configuredHost = mailSender.getHost();
        configuredPort = mailSender.getPort();
        mailServerUp();
        ClockUtil.setCurrentTime(Date.from(now));
        visit = "HV-OUT-" + System.nanoTime() % 100000 + "-" + ALERTS.incrementAndGet();
    }

    @AfterEach
    void finish() {
        mailSender.setHost(configuredHost);
        mailSender.setPort(configuredPort);
        ClockUtil.reset();
    }

    @Test
    void deliveryRetriesAfterTheMailServerWasDownAndSendsOncePerRecipient() throws Exception {
        double deliveredBefore = delivered(Channel.EMAIL);
        queueToOfficeAndHead();
        assertThat(rows()).hasSize(2).allSatisfy(row -> assertThat(row.status()).isEqualTo("PENDING"));

        mailServerDown();
        outbox.deliverDue();
        assertThat(emailsAbout(visit)).isEmpty();
        // After the first failure the run leaves the channel alone: a hanging server costs one timeout per run.
        assertThat(rows()).extracting(OutboxRow::recipient, OutboxRow::attempts)
                .containsExactly(tuple("office@example.test", 1), tuple("head@example.test", 0));
        assertThat(actions()).contains("ALERT_DELIVERY_RETRYING");
        assertThat(outbox.undelivered()).filteredOn(message -> visit.equals(message.visitReference()))
                .extracting(Outbox.Undelivered::recipientUser).containsExactly("office");

        mailServerUp();
        outbox.deliverDue();
        assertThat(emailsAbout(visit)).as("the failed one waits for its back-off").flatExtracting(OutboxDeliveryTest::recipients)
                .containsExactly("head@example.test");
        after(Duration.ofSeconds(5));
        outbox.deliverDue();

        assertThat(emailsAbout(visit)).flatExtracting(OutboxDeliveryTest::recipients)
                .containsExactlyInAnyOrder("office@example.test", "head@example.test");
        assertThat(rows()).extracting(OutboxRow::status).containsOnly("SENT");
        assertThat(audit.events("visit", visit)).filteredOn(event -> event.action().equals("ALERT_DELIVERED"))
                .extracting(AuditEvent::detail).containsExactly("email to head (" + subject() + ")",
                        "email to office (" + subject() + ") after 2 attempts");
        assertThat(delivered(Channel.EMAIL) - deliveredBefore).isEqualTo(2);
        assertThat(outbox.undelivered()).noneMatch(message -> visit.equals(message.visitReference()));
    }

    @Test
    void aSecondDeliveryRunAndARetriedAlertSendNothingMore() {
        queueToOfficeAndHead();
        outbox.deliverDue();
        assertThat(emailsAbout(visit)).hasSize(2);

        after(Duration.ofHours(1));
        outbox.deliverDue();
        assertThat(emailsAbout(visit)).hasSize(2);
        // A job that ran again after its alert committed would queue the same alert again: the database refuses it.
        assertThatThrownBy(this::queueToOfficeAndHead).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows()).hasSize(2);
    }

    @Test
    void aMessageClaimedByANodeThatDiedIsDeliveredAfterItsLease() {
        queueToOfficeAndHead();
        jdbc.sql("UPDATE notification_outbox SET claimed_by = 'node-that-died', claimed_until = ? WHERE visit_reference = ?")
                .params(Timestamp.from(now.plusSeconds(20)), visit).update();

        outbox.deliverDue();
        assertThat(emailsAbout(visit)).as("still within the dead node's lease").isEmpty();
        after(Duration.ofSeconds(21));
        outbox.deliverDue();

        assertThat(emailsAbout(visit)).hasSize(2);
        assertThat(rows()).extracting(OutboxRow::status).containsOnly("SENT");
    }

    @Test
    void textsGoThroughTheSmsGatewayAndOneAddressIsAlertedOnce() {
        outbox.queue(alert(), Channel.SMS, List.of(new Recipient("office", "07700 900001"), new Recipient("office2", " 07700 900001"),
                new Recipient("nobody", " ")));
        outbox.deliverDue();
        assertThat(sms.sent()).filteredOn(text -> text.text().contains(visit))
                .extracting(LoggingSmsGateway.Text::mobileNumber).containsExactly("07700 900001");
    }

    @Test
    void messagesThatKeepFailingAreGivenUpVisiblyAndTheOutboxTurnsDown() {
        OutboxHealthIndicator health = new OutboxHealthIndicator(jdbc, Duration.ofMinutes(4), true);
        mailServerDown();
        outbox.queue(alert(), Channel.EMAIL, List.of(new Recipient("office", "office@example.test")));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        for (int attempt = 1; attempt <= 12; attempt++) {
            outbox.deliverDue();
            after(Duration.ofMinutes(5));
            if (attempt == 1) {
                assertThat(health.health().getStatus()).as("a message has waited longer than 4 minutes").isEqualTo(Status.DOWN);
            }
        }

        assertThat(rows()).extracting(OutboxRow::status, OutboxRow::attempts).containsExactly(tuple("FAILED", 12));
        assertThat(actions()).containsExactly("ALERT_DELIVERY_RETRYING", "ALERT_UNDELIVERED");
        assertThat(outbox.undelivered()).filteredOn(message -> visit.equals(message.visitReference()))
                .extracting(Outbox.Undelivered::status).containsExactly("FAILED");
        assertThat(meters.get("doorstep.outbox.failed").gauge().value()).isGreaterThanOrEqualTo(1);
        // On the safety board of the visit's school, and only there.
        assertThat(undeliveredOnTheBoardOf("office")).containsExactly(visit + " EMAIL office FAILED");
        assertThat(undeliveredOnTheBoardOf("lyn-office")).isEmpty();
    }

    private List<String> undeliveredOnTheBoardOf(String user) {
        try {
            JsonNode board = new ObjectMapper().readTree(WebClient.basic(port, user, password).get("/api/safety/board").body());
            List<String> rows = new ArrayList<>();
            board.get("undelivered").forEach(message -> {
                if (message.get("visitReference").asText().equals(visit)) {
                    rows.add(String.join(" ", message.get("visitReference").asText(), message.get("channel").asText(),
                            message.get("recipientUser").asText(), message.get("status").asText()));
                }
            });
            assertThat(board.get("undeliveredAlerts").asInt()).isEqualTo(board.get("undelivered").size());
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Alert alert() {
        return new Alert("test/" + visit, "thames-view-junior", visit, subject(), "Visiting staff on " + visit + " missed a check-in.");
    }

    private String subject() {
        return "Doorstep safety test (" + visit + ")";
    }

    private void queueToOfficeAndHead() {
        // The same address twice (another spelling) is one recipient.
        outbox.queue(alert(), Channel.EMAIL, List.of(new Recipient("office", "office@example.test"),
                new Recipient("head", "head@example.test"), new Recipient("office", "Office@Example.test ")));
    }

    private void after(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    private void mailServerUp() {
        mailSender.setHost("localhost");
        mailSender.setPort(mail.getSmtp().getPort());
    }

    private void mailServerDown() {
        try (ServerSocket unused = new ServerSocket(0)) {
            mailSender.setHost("localhost");
            mailSender.setPort(unused.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<OutboxRow> rows() {
        return jdbc.sql("SELECT recipient, status, attempts FROM notification_outbox WHERE visit_reference = ? ORDER BY id")
                .param(visit).query(OutboxRow.class).list();
    }

    private List<String> actions() {
        return audit.events("visit", visit).stream().map(AuditEvent::action).toList();
    }

    private double delivered(Channel channel) {
        return meters.get("doorstep.outbox.delivered").tag("channel", channel.name()).counter().count();
    }

    private static List<MimeMessage> emailsAbout(String visit) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().contains(visit);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    record OutboxRow(String recipient, String status, int attempts) {
    }
}
