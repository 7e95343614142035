package org.doorstep.safety;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock: timers follow it, so the watch's own times do too (tests move it). */
final class EngineClock {

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private EngineClock() {
    }
}
