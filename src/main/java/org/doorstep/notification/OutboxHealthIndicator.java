package org.doorstep.notification;

import java.sql.Timestamp;
import java.time.Duration;
import org.doorstep.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Health contributor "outbox": DOWN when the oldest message still waiting is older than
 * {@code doorstep.outbox.health.max-pending-age} (default 5 minutes), i.e. alerts are not reaching
 * people. It says nothing about this node's ability to serve requests: keep it out of readiness, or
 * a mail outage would take every node out of service, check-ins included.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;
    private final Duration maxPendingAge;
    private final boolean delivering;

    OutboxHealthIndicator(JdbcClient jdbc,
            @Value("${doorstep.outbox.health.max-pending-age}") Duration maxPendingAge,
            @Value("${doorstep.outbox.poller.enabled:true}") boolean delivering) {
        this.jdbc = jdbc;
        this.maxPendingAge = maxPendingAge;
        this.delivering = delivering;
    }

    @Override
    public Health health() {
        if (!delivering) {
            return Health.unknown().withDetail("delivery", "off on this node (doorstep.outbox.poller.enabled=false)").build();
        }
        Backlog backlog = jdbc.sql("""
                SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM notification_outbox WHERE status = 'PENDING'""")
                .query((rs, row) -> new Backlog(rs.getLong("pending"), rs.getTimestamp("oldest"))).single();
        long failed = jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = 'FAILED'").query(Long.class).single();
        Duration age = backlog.oldest() == null ? Duration.ZERO
                : Duration.between(backlog.oldest().toInstant(), EngineClock.now());
        Health.Builder health = age.compareTo(maxPendingAge) > 0 ? Health.down() : Health.up();
        return health.withDetail("pending", backlog.pending())
                .withDetail("oldestPendingSeconds", Math.max(0, age.toSeconds()))
                .withDetail("failed", failed)
                .withDetail("maxPendingAgeSeconds", maxPendingAge.toSeconds())
                .build();
    }

    private record Backlog(long pending, Timestamp oldest) {
    }
}
