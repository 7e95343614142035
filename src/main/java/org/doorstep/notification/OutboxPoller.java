package org.doorstep.notification;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Outbox#deliverDue()} every poll interval on a thread of its own, so a slow mail
 * server never holds up the job executor or the scheduled absence evaluation. Every node runs one;
 * the claims keep them from sending a message twice. Off with {@code doorstep.outbox.poller.enabled=false}
 * (the tests, which deliver when they choose, as they run jobs when they choose).
 */
@Component
@ConditionalOnProperty(name = "doorstep.outbox.poller.enabled", havingValue = "true", matchIfMissing = true)
class OutboxPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

    private final OutboxDelivery delivery;
    private final Duration interval;
    private ScheduledExecutorService thread;

    OutboxPoller(OutboxDelivery delivery, @Value("${doorstep.outbox.poll-interval}") Duration interval) {
        this.delivery = delivery;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread poller = new Thread(runnable, "outbox-poller");
            poller.setDaemon(true);
            return poller;
        });
        thread.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            delivery.deliverDue();
        } catch (RuntimeException e) {
            // Database unreachable, say: the rows wait in the outbox; the next poll tries again.
            log.warn("Outbox delivery run failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
