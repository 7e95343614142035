package org.doorstep.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.doorstep.notification.Outbox.Channel;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: claims one due row at a time by a conditional update (the same SQL on H2 and
 * PostgreSQL; of two nodes claiming one row, exactly one update matches), sends it, and marks it
 * sent in a transaction of its own. A claim is a lease: a row still claimed after its lease belonged
 * to a node that died while sending and is tried again, so a message is delivered at least once, and
 * twice only if a node dies between the provider accepting it and the mark committing.
 */
@Component
class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final AuditTrail audit;
    private final String from;
    private final Duration lease;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int maxAttempts;
    private final String node;
    private final Map<Channel, Counter> delivered = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failures = new EnumMap<>(Channel.class);
    /** One delivery run at a time in this JVM; other nodes are kept apart by the claims. */
    private final ReentrantLock running = new ReentrantLock();

    OutboxDelivery(JdbcClient jdbc, TransactionTemplate transaction, JavaMailSender mail, SmsGateway sms, AuditTrail audit,
            MeterRegistry meters,
            @Value("${doorstep.safety.mail-from:doorstep@localhost}") String from,
            @Value("${doorstep.outbox.lease}") Duration lease,
            @Value("${doorstep.outbox.first-retry}") Duration firstRetry,
            @Value("${doorstep.outbox.max-retry}") Duration maxRetry,
            @Value("${doorstep.outbox.max-attempts}") int maxAttempts,
            @Value("${doorstep.outbox.node-id:}") String node) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mail = mail;
        this.sms = sms;
        this.audit = audit;
        this.from = from;
        this.lease = lease;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.maxAttempts = maxAttempts;
        // A fresh id per start: a restarted node must not take its predecessor's claims for its own.
        this.node = (node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node)
                + "/" + UUID.randomUUID().toString().substring(0, 8);
        for (Channel channel : Channel.values()) {
            delivered.put(channel, Counter.builder("doorstep.outbox.delivered").tag("channel", channel.name())
                    .description("Alert messages delivered by this node").register(meters));
            failures.put(channel, Counter.builder("doorstep.outbox.delivery.failures").tag("channel", channel.name())
                    .description("Failed delivery attempts on this node (each is retried until max-attempts)").register(meters));
        }
    }

    int deliverDue() {
        running.lock();
        try {
            int sent = 0;
            // A channel that failed once is left alone until the next run: a mail server that hangs
            // costs one timeout per run, not one per waiting message.
            Set<Channel> down = EnumSet.noneOf(Channel.class);
            List<Row> due;
            do {
                Instant now = EngineClock.now();
                due = jdbc.sql("""
                        SELECT id, alert_key, channel, recipient, recipient_user, visit_reference, school_id, subject, body, attempts
                        FROM notification_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY next_attempt_at, id FETCH FIRST %d ROWS ONLY""".formatted(BATCH))
                        .params(Timestamp.from(now), Timestamp.from(now)).query(Row.class).list();
                for (Row row : due) {
                    if (!down.contains(row.channel()) && claim(row)) {
                        if (send(row)) {
                            sent++;
                        } else {
                            down.add(row.channel());
                        }
                    }
                }
            } while (due.size() == BATCH && down.size() < Channel.values().length);
            return sent;
        } finally {
            running.unlock();
        }
    }

    private boolean claim(Row row) {
        Instant now = EngineClock.now();
        return jdbc.sql("""
                UPDATE notification_outbox SET claimed_by = ?, claimed_until = ?
                WHERE id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(node, Timestamp.from(now.plus(lease)), row.id(), Timestamp.from(now)).update() == 1;
    }

    private boolean send(Row row) {
        try {
            switch (row.channel()) {
                case EMAIL -> {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(from);
                    message.setTo(row.recipient());
                    message.setSubject(row.subject());
                    message.setText(row.body());
                    mail.send(message);
                }
                case SMS -> sms.send(row.recipient(), row.subject());
            }
        } catch (RuntimeException e) {
            failed(row, e);
            return false;
        }
        transaction.executeWithoutResult(status -> {
            int marked = jdbc.sql("""
                    UPDATE notification_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1,
                        claimed_by = NULL, claimed_until = NULL
                    WHERE id = ? AND claimed_by = ?""")
                    .params(Timestamp.from(EngineClock.now()), row.id(), node).update();
            if (marked == 0) {
                // Our lease ran out while sending and another node took the row over: it may send it again.
                log.warn("Outbox message {} was sent after its lease ran out; another node may send it too", row.id());
            }
            audit.record(Actor.DOORSTEP, "ALERT_DELIVERED", subjectType(row), subjectId(row),
                    describe(row) + (row.attempts() > 0 ? " after " + (row.attempts() + 1) + " attempts" : ""));
        });
        delivered.get(row.channel()).increment();
        return true;
    }

    private void failed(Row row, RuntimeException e) {
        failures.get(row.channel()).increment();
        int attempts = row.attempts() + 1;
        boolean givingUp = attempts >= maxAttempts;
        String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        Instant now = EngineClock.now();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE notification_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
                        claimed_by = NULL, claimed_until = NULL
                    WHERE id = ? AND claimed_by = ?""")
                    .params(givingUp ? "FAILED" : "PENDING", attempts, Timestamp.from(now.plus(backOff(attempts))),
                            error.length() > 400 ? error.substring(0, 400) : error, row.id(), node)
                    .update();
            if (givingUp) {
                audit.record(Actor.DOORSTEP, "ALERT_UNDELIVERED", subjectType(row), subjectId(row),
                        describe(row) + ": gave up after " + attempts + " attempts");
            } else if (attempts == 1) {
                audit.record(Actor.DOORSTEP, "ALERT_DELIVERY_RETRYING", subjectType(row), subjectId(row),
                        describe(row) + " failed; retrying");
            }
        });
        // The class only: a mail server's message may quote the address, and logs name no one.
        log.error("Outbox message {} ({} for alert {}) failed, attempt {} of {}: {}", row.id(), row.channel(), row.alertKey(),
                attempts, maxAttempts, e.getClass().getSimpleName());
    }

    /** 5 s, 10 s, 20 s ... doubling up to the maximum: a short outage is bridged fast, a long one is not hammered. */
    Duration backOff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    private static String describe(Row row) {
        return row.channel().name().toLowerCase() + " to " + (row.recipientUser() != null ? row.recipientUser() : "a recipient")
                + " (" + row.subject() + ")";
    }

    private static String subjectType(Row row) {
        return row.visitReference() != null ? "visit" : "school";
    }

    private static String subjectId(Row row) {
        return row.visitReference() != null ? row.visitReference() : row.schoolId();
    }

    record Row(long id, String alertKey, Channel channel, String recipient, String recipientUser, String visitReference,
            String schoolId, String subject, String body, int attempts) {
    }
}
