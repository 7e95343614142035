package org.doorstep.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Doorstep's one clock: the engine's. Timers fire by it and tests move it, so audit entries, notes,
 * documents, visit and register times written by it stay on the same time line as the processes they
 * record. Schools are in England: their days and the times shown to staff are in {@link #SCHOOL_ZONE}.
 */
public final class EngineClock {

    /** As a constant expression, for annotations such as {@code @Scheduled(zone = ...)}. */
    public static final String SCHOOL_ZONE_ID = "Europe/London";
    public static final ZoneId SCHOOL_ZONE = ZoneId.of(SCHOOL_ZONE_ID);

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The school's date now: the day a register, a ladder or a letter is about. */
    public static LocalDate today() {
        return schoolTime().toLocalDate();
    }

    /** The time on the school's wall clock now. */
    public static LocalDateTime schoolTime() {
        return LocalDateTime.ofInstant(now(), SCHOOL_ZONE);
    }

    private EngineClock() {
    }
}
