package org.doorstep.trigger;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Today" for registers and ladders: the engine clock in school time, so tests that move the
 * engine clock move the register's today with it.
 */
final class TriggerClock {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(SCHOOL_ZONE).toLocalDate();
    }

    private TriggerClock() {
    }
}
