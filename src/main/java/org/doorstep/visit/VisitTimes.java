package org.doorstep.visit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.doorstep.workflow.EngineClock;

/** Times as forms submit them (ISO date-times, with or without offset, or a time today), and as letters show them. */
final class VisitTimes {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value).atZone(EngineClock.SCHOOL_ZONE).toInstant());
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(EngineClock.today().atTime(LocalTime.parse(value)).atZone(EngineClock.SCHOOL_ZONE).toInstant());
                } catch (DateTimeParseException notTime) {
                    return Optional.empty();
                }
            }
        }
    }

    private VisitTimes() {
    }
}
