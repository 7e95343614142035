package org.doorstep.trigger;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.doorstep.api.Problems;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.SchoolAccess;
import org.doorstep.workflow.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A school's calendar: read it (with whether it covers today) and import terms and closures as JSON, CSV
 * or an iCalendar file. Administrators, and the office of that school.
 */
@RestController
@PreAuthorize(TriggerController.OFFICE_OR_ADMIN)
class CalendarController {

    private static final String PATH = "/api/schools/{schoolId}/calendar";

    private final SchoolCalendar calendar;
    private final CalendarImport calendarImport;
    private final SchoolDirectory directory;
    private final SchoolAccess schools;

    CalendarController(SchoolCalendar calendar, CalendarImport calendarImport, SchoolDirectory directory, SchoolAccess schools) {
        this.calendar = calendar;
        this.calendarImport = calendarImport;
        this.directory = directory;
        this.schools = schools;
    }

    record KindOption(SchoolCalendar.Kind kind, String label) {
    }

    /**
     * {@code today} says whether the evaluation can count today for this school; without a calendar for it,
     * {@code note} says why nothing will be raised.
     */
    record CalendarView(String schoolId, LocalDate today, boolean coversToday, boolean schoolDayToday, String note,
            List<SchoolCalendar.Term> terms, List<SchoolCalendar.Closure> closures, List<KindOption> kinds) {
    }

    record Entries(List<CalendarImport.EntryRequest> entries) {
    }

    @GetMapping(PATH)
    CalendarView calendar(@PathVariable String schoolId, Authentication user) {
        requireSchool(schoolId, user);
        LocalDate today = EngineClock.today();
        SchoolCalendar.SchoolDays days = calendar.of(schoolId);
        boolean covered = days.covers(today);
        return new CalendarView(schoolId, today, covered, days.isSchoolDay(today),
                covered ? null : "No calendar for " + today + ": the daily evaluation raises nothing for this school until"
                        + " its terms are imported",
                calendar.terms(schoolId), calendar.closures(schoolId),
                Arrays.stream(SchoolCalendar.Kind.values()).map(kind -> new KindOption(kind, kind.label())).toList());
    }

    @PostMapping(path = PATH, consumes = "application/json")
    CalendarImport.Report importEntries(@PathVariable String schoolId, @RequestBody Entries body, Authentication user) {
        requireSchool(schoolId, user);
        if (body.entries() == null) {
            throw Problems.badField("entries", "entries is required: a list of {kind, name, from, to}");
        }
        return calendarImport.importEntries(schoolId, body.entries(), "REST", user.getName());
    }

    @PostMapping(path = PATH, consumes = {"text/csv", "text/plain"})
    CalendarImport.Report importCsv(@PathVariable String schoolId, Reader csv,
            @RequestHeader(name = "X-Doorstep-Source", required = false) String source, Authentication user) {
        requireSchool(schoolId, user);
        return calendarImport.importCsv(schoolId, csv, source == null ? "CSV" : source, user.getName());
    }

    @PostMapping(path = PATH, consumes = "text/calendar")
    CalendarImport.Report importIcs(@PathVariable String schoolId, Reader ics,
            @RequestHeader(name = "X-Doorstep-Source", required = false) String source, Authentication user) throws IOException {
        requireSchool(schoolId, user);
        return calendarImport.importIcs(schoolId, ics, source == null ? "iCalendar" : source, user.getName());
    }

    private void requireSchool(String schoolId, Authentication user) {
        schools.require(user, schoolId, "school " + schoolId);
        if (directory.school(schoolId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No school " + Problems.shorten(schoolId) + " is onboarded");
        }
    }
}
