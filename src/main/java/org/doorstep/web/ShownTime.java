package org.doorstep.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.doorstep.workflow.EngineClock;

/** Times as pages show them to school staff: the school's zone, "Mon 30 Nov, 14:05". */
public final class ShownTime {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK)
            .withZone(EngineClock.SCHOOL_ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    public static String at(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }

    public static String on(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private ShownTime() {
    }
}
