package org.doorstep.trigger;

import java.time.LocalDate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo school's 2026-27 calendar (synthetic dates in the usual English pattern), so that the
 * ladder counts school days in the demo. Runs once the demo school exists; idempotent.
 */
@Component
@Profile("demo")
class TriggerDemoData {

    static final String SCHOOL_ID = "thames-view-junior";

    private final SchoolCalendar calendar;

    TriggerDemoData(SchoolCalendar calendar) {
        this.calendar = calendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedCalendar() {
        calendar.addTerm(SCHOOL_ID, "Autumn 1", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 10, 23));
        calendar.addTerm(SCHOOL_ID, "Autumn 2", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 18));
        calendar.addTerm(SCHOOL_ID, "Spring 1", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 12));
        calendar.addTerm(SCHOOL_ID, "Spring 2", LocalDate.of(2027, 2, 22), LocalDate.of(2027, 3, 26));
        calendar.addTerm(SCHOOL_ID, "Summer 1", LocalDate.of(2027, 4, 12), LocalDate.of(2027, 5, 28));
        calendar.addTerm(SCHOOL_ID, "Summer 2", LocalDate.of(2027, 6, 7), LocalDate.of(2027, 7, 21));
        calendar.addClosure(SCHOOL_ID, LocalDate.of(2027, 1, 4), "INSET day");
        calendar.addClosure(SCHOOL_ID, LocalDate.of(2027, 5, 3), "Early May bank holiday");
    }
}
