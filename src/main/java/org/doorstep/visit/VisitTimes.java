package org.doorstep.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Times as forms submit them (ISO date-times, with or without offset), and the school's clock. */
final class VisitTimes {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now(), SCHOOL_ZONE);
    }

    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value).atZone(SCHOOL_ZONE).toInstant());
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.now(SCHOOL_ZONE).atTime(LocalTime.parse(value)).atZone(SCHOOL_ZONE).toInstant());
                } catch (DateTimeParseException notTime) {
                    return Optional.empty();
                }
            }
        }
    }

    private VisitTimes() {
    }
}
