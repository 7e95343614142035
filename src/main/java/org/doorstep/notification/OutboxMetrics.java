package org.doorstep.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as the whole installation sees it (read from the database at each scrape, so every node
 * reports the same): messages waiting, messages given up, and how long the oldest has waited.
 * Deliveries and failed attempts are counted per node by {@link OutboxDelivery}.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
        Gauge.builder("doorstep.outbox.pending", () -> count(jdbc, "PENDING"))
                .description("Alert messages waiting to be delivered").register(meters);
        Gauge.builder("doorstep.outbox.failed", () -> count(jdbc, "FAILED"))
                .description("Alert messages given up after every attempt failed").register(meters);
        Gauge.builder("doorstep.outbox.oldest.pending", () -> oldestPendingSeconds(jdbc))
                .baseUnit("seconds").description("Age of the oldest alert message still waiting").register(meters);
    }

    private static long count(JdbcClient jdbc, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = ?").param(status).query(Long.class).single();
    }

    private static double oldestPendingSeconds(JdbcClient jdbc) {
        Timestamp oldest = jdbc.sql("SELECT MIN(created_at) FROM notification_outbox WHERE status = 'PENDING'")
                .query(rs -> rs.next() ? rs.getTimestamp(1) : null);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), EngineClock.now()).toMillis() / 1000.0);
    }
}
