package org.doorstep.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.school.School;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.SchoolAccess;
import org.doorstep.trigger.SchoolCalendar;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.Doors;
import org.doorstep.web.ShownTime;
import org.doorstep.workflow.EngineClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The leaders' report, {@code /reports/timeliness}: for the schools the reader may see (one, or all of
 * them with a line across them) and a period (this term unless chosen), and the same figures' cases as
 * CSV at {@code /reports/timeliness.csv}.
 */
@Controller
@DoorstepPage
class TimelinessPage {

    static final String PATH = "/reports/timeliness";

    /** The CSV's columns, in order: one row per case, visit or alert measured. */
    static final List<String> CSV_COLUMNS = List.of("school_id", "school", "measure", "reference", "pupil_id", "pupil",
            "started", "value", "unit", "note");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final TimelinessReport report;
    private final SchoolDirectory directory;
    private final SchoolAccess access;
    private final SchoolCalendar calendar;
    private final PolicyProfiles profiles;

    TimelinessPage(TimelinessReport report, SchoolDirectory directory, SchoolAccess access, SchoolCalendar calendar,
            PolicyProfiles profiles) {
        this.report = report;
        this.directory = directory;
        this.access = access;
        this.calendar = calendar;
        this.profiles = profiles;
    }

    /** What the reader asked for, settled: which of their schools and which days. */
    private record Scope(List<School> visible, List<School> chosen, LocalDate from, LocalDate to) {
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String school, Authentication user, Model model, HttpServletResponse response)
            throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        Scope scope = scope(user, school, from, to);
        model.addAttribute("schools", scope.visible());
        model.addAttribute("school", scope.chosen().size() == 1 && scope.visible().size() > 1 ? scope.chosen().get(0).id() : "");
        model.addAttribute("from", scope.from());
        model.addAttribute("to", scope.to());
        model.addAttribute("period", ShownTime.on(scope.from()) + " " + scope.from().getYear() + " to "
                + ShownTime.on(scope.to()) + " " + scope.to().getYear());
        model.addAttribute("csv", PATH + ".csv?from=" + scope.from() + "&to=" + scope.to()
                + (school == null || school.isBlank() ? "" : "&school=" + school));
        if (scope.from().isAfter(scope.to())) {
            model.addAttribute("problem", "The period starts after it ends: choose a start date on or before the end date.");
            model.addAttribute("sections", List.of());
            return "reports/timeliness";
        }
        List<TimelinessReport.Figures> figures = report.figures(scope.chosen(), scope.from(), scope.to());
        List<TimelinessView> sections = new ArrayList<>();
        if (figures.size() > 1) {
            sections.add(TimelinessView.of(TimelinessReport.Figures.across("across", figures),
                    "Across your " + figures.size() + " schools", null));
        }
        figures.forEach(one -> sections.add(TimelinessView.of(one, one.schoolName(),
                profiles.forSchool(one.schoolId()).triggers().maxSchoolDaysWithoutEyesOn())));
        model.addAttribute("sections", sections);
        return "reports/timeliness";
    }

    @GetMapping(PATH + ".csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String school, Authentication user, HttpServletResponse response) throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        Scope scope = scope(user, school, from, to);
        if (scope.from().isAfter(scope.to())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The period starts after it ends");
        }
        List<TimelinessReport.Figures> figures = report.figures(scope.chosen(), scope.from(), scope.to());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"timeliness-" + scope.from() + "-to-" + scope.to() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out -> write(figures, new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    private Scope scope(Authentication user, String school, LocalDate from, LocalDate to) {
        Predicate<String> mine = access.accessibleSchools(user);
        List<School> visible = directory.schools().stream().filter(one -> mine.test(one.id()))
                .sorted(Comparator.comparing(School::name)).toList();
        List<School> chosen = visible;
        if (school != null && !school.isBlank()) {
            chosen = visible.stream().filter(one -> one.id().equals(school)).toList();
            if (chosen.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No school " + school + " in your schools");
            }
        }
        LocalDate today = EngineClock.today();
        LocalDate end = to == null ? today : to;
        LocalDate start = from != null ? from
                : chosen.stream().map(one -> calendar.of(one.id()).termStart(end)).min(Comparator.naturalOrder())
                        .orElse(end);
        return new Scope(visible, chosen, start, end);
    }

    private static void write(List<TimelinessReport.Figures> figures, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (TimelinessReport.Figures school : figures) {
                for (TimelinessReport.CaseTiming timing : school.cases()) {
                    row(csv, school, "first_contact", timing.reference(), timing.pupilId(), timing.pupilName(),
                            timing.openedOn().toString(), timing.minutesToFirstContact(), "minutes after the register closed",
                            timing.minutesToFirstContact() == null ? "no contact attempt recorded" : "");
                    row(csv, school, "eyes_on", timing.reference(), timing.pupilId(), timing.pupilName(),
                            timing.openedOn().toString(), timing.schoolDaysUnseen(), "school days without eyes on",
                            (timing.stillUnseen() ? "not seen yet" : "seen on " + timing.seenOn())
                                    + (timing.breach() ? "; breach of the " + timing.maxDaysUnseen() + "-school-day limit" : ""));
                }
                for (TimelinessReport.VisitRow visit : school.visits()) {
                    row(csv, school, "visit_outcome", visit.reference(), visit.pupilId(), visit.pupilName(),
                            local(visit.requestedAt()), visit.statusLabel(), "status", visit.status());
                }
                for (org.doorstep.trigger.PenaltyPipeline.Count count : school.penalties()) {
                    row(csv, school, "penalty_notices", count.step(), "", "", "", count.count(), "records",
                            count.stepLabel() + ": " + count.statusLabel());
                }
                for (TimelinessReport.AlertResponse alert : school.alerts()) {
                    row(csv, school, "alert_taken", alert.visitReference(), "", "", local(alert.raisedAt()), alert.seconds(),
                            "seconds until an office member took it",
                            alert.step() + (alert.takenAt() != null ? "" : alert.stillOpen() ? "; not taken yet" : "; ended without anyone taking it"));
                }
            }
        }
    }

    private static void row(CSVPrinter csv, TimelinessReport.Figures school, String measure, String reference, String pupilId,
            String pupil, String started, Object value, String unit, String note) throws IOException {
        csv.printRecord(school.schoolId(), safe(school.schoolName()), measure, reference, pupilId, safe(pupil), started,
                value == null ? "" : value, unit, safe(note));
    }

    /** A name that starts like a formula is not run as one when the file is opened in a spreadsheet. */
    private static String safe(String text) {
        return text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String local(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, EngineClock.SCHOOL_ZONE).format(LOCAL_TIME);
    }
}
