package org.doorstep.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Alert e-mails and texts that are never lost: {@link #queue} writes one row per recipient in the
 * caller's transaction (a delegate's is the engine's, so the rows commit or roll back with the
 * alert), and a poller on any node delivers them afterwards with retries ({@link #deliverDue}).
 * Nothing is sent from memory, so a node dying after the alert committed delays its messages but
 * cannot drop them.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxDelivery delivery;

    Outbox(JdbcClient jdbc, OutboxDelivery delivery) {
        this.jdbc = jdbc;
        this.delivery = delivery;
    }

    /**
     * Queues the alert for every recipient on the channel, in the current transaction. A recipient
     * named twice (two users sharing an address) gets it once; a text carries the alert's subject only.
     */
    public void queue(Alert alert, Channel channel, Collection<Recipient> recipients) {
        Map<String, Recipient> once = new LinkedHashMap<>();
        for (Recipient recipient : recipients) {
            if (recipient.address() != null && !recipient.address().isBlank()) {
                once.putIfAbsent(normalised(channel, recipient.address()), recipient);
            }
        }
        Timestamp now = Timestamp.from(EngineClock.now());
        once.forEach((address, recipient) -> jdbc.sql("""
                INSERT INTO notification_outbox (alert_key, channel, recipient, recipient_user, school_id,
                    visit_reference, subject, body, created_at, status, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""")
                .params(alert.key(), channel.name(), address, recipient.userId(), alert.schoolId(),
                        alert.visitReference(), alert.subject(), alert.body(), now, now)
                .update());
    }

    /**
     * Delivers every message that is due and not being delivered by another node; each in its own
     * transaction. The poller calls it; tests without the poller call it to deliver "now".
     *
     * @return how many messages were delivered
     */
    public int deliverDue() {
        return delivery.deliverDue();
    }

    /**
     * Messages of the last day that have not reached their recipient: tried and failed (retrying or given
     * up), or waiting longer than a minute. A message normally leaves within seconds of its alert.
     */
    public List<Undelivered> undelivered() {
        Instant now = EngineClock.now();
        return jdbc.sql("""
                SELECT visit_reference, school_id, channel, recipient_user, status, attempts, created_at, last_error
                FROM notification_outbox
                WHERE status <> 'SENT' AND (attempts > 0 OR created_at < ?) AND created_at > ?
                ORDER BY created_at""")
                .params(Timestamp.from(now.minusSeconds(60)), Timestamp.from(now.minus(Duration.ofDays(1))))
                .query(Undelivered.class).list();
    }

    private static String normalised(Channel channel, String address) {
        String trimmed = address.trim();
        // Addresses are case-insensitive in practice; numbers are sent exactly as the directory holds them.
        return channel == Channel.EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    public enum Channel {
        EMAIL, SMS
    }

    /**
     * One alert. {@code key} names the moment that raised it (e.g. the process activity instance), so
     * its e-mails and texts share it and the same alert can never be queued twice for one recipient.
     */
    public record Alert(String key, String schoolId, String visitReference, String subject, String body) {
    }

    /** An e-mail address or mobile number, and the user it belongs to (named instead of the address). */
    public record Recipient(String userId, String address) {
    }

    /** A message that has not reached its recipient: still waiting or retrying (PENDING) or given up (FAILED). */
    public record Undelivered(String visitReference, String schoolId, String channel, String recipientUser,
            String status, int attempts, Instant createdAt, String lastError) {
    }
}
