package org.doorstep.records;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.doorstep.api.Problems;
import org.doorstep.security.SchoolAccess;
import org.doorstep.workflow.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Burgh 11: any member of staff records an incident or near miss ({@code POST /api/incidents}); the
 * headteacher, senior leaders and the DSL list their own schools' ({@code GET /api/incidents}) and mark
 * each reviewed ({@code POST /api/incidents/{id}/review}). Another school's incident or visit is 404.
 */
@RestController
class IncidentsController {

    static final int LONGEST = 2_000;

    private final Incidents incidents;
    private final VisitNotes visits;
    private final SchoolAccess schools;

    IncidentsController(Incidents incidents, VisitNotes visits, SchoolAccess schools) {
        this.incidents = incidents;
        this.visits = visits;
        this.schools = schools;
    }

    @PostMapping("/api/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('GROUP_visiting-staff', 'GROUP_office', 'GROUP_headteacher', 'GROUP_dsl', "
            + "'GROUP_senior-leaders')")
    Incidents.Incident record(@RequestBody IncidentRequest request, Authentication user) {
        IncidentKind kind = kind(request.kind());
        String what = request.whatHappened() == null ? "" : request.whatHappened().strip();
        if (what.length() < 5 || what.length() > LONGEST) {
            throw Problems.badField("whatHappened", "Say what happened in 5 to " + LONGEST + " characters.");
        }
        Instant occurredAt = occurredAt(request.occurredAt());
        String visit = request.visitReference() == null || request.visitReference().isBlank() ? null : request.visitReference().strip();
        String school = visit != null ? visits.schoolOf(visit).orElse(null) : ownSchool(user);
        schools.require(user, school, visit != null ? "visit " + visit : "school");
        long id = incidents.record(school, visit, kind, what, occurredAt, user.getName());
        return incidents.find(id).orElseThrow();
    }

    /** The kinds the pages offer, with their labels: declared once, in {@link IncidentKind}. */
    @GetMapping("/api/incidents/kinds")
    List<Kind> kinds() {
        return Arrays.stream(IncidentKind.values()).map(kind -> new Kind(kind, kind.label())).toList();
    }

    @GetMapping("/api/incidents")
    @PreAuthorize("hasAnyAuthority('GROUP_headteacher', 'GROUP_dsl', 'GROUP_senior-leaders', 'GROUP_camunda-admin')")
    List<Incidents.Incident> list(Authentication reader) {
        return incidents.of(schools.isAdministrator(reader) ? incidents.schools() : schools.schoolsOf(reader.getName()));
    }

    @PostMapping("/api/incidents/{id}/review")
    @PreAuthorize("hasAnyAuthority('GROUP_headteacher', 'GROUP_dsl', 'GROUP_senior-leaders')")
    Incidents.Incident review(@PathVariable long id, Authentication reviewer) {
        Incidents.Incident incident = incidents.find(id).orElse(null);
        schools.require(reviewer, incident == null ? null : incident.schoolId(), "incident " + id);
        if (!incidents.review(id, reviewer.getName())) {
            Incidents.Incident done = incidents.find(id).orElseThrow();
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Incident " + id + " was already reviewed by "
                    + done.reviewedBy() + ".");
        }
        return incidents.find(id).orElseThrow();
    }

    /** Without a visit the incident is the school's the caller works for; with several, the visit must say. */
    private String ownSchool(Authentication user) {
        Set<String> mine = schools.schoolsOf(user.getName());
        if (mine.size() != 1) {
            throw Problems.badField("visitReference", "You work for " + mine.size()
                    + " schools: name the visit the incident happened on.");
        }
        return mine.iterator().next();
    }

    private static IncidentKind kind(String kind) {
        try {
            return IncidentKind.valueOf(kind == null ? "" : kind.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Problems.badField("kind", "Unknown kind '" + Problems.shorten(kind) + "'; use one of " + kindNames() + ".");
        }
    }

    private static Instant occurredAt(String occurredAt) {
        if (occurredAt == null || occurredAt.isBlank()) {
            return null;
        }
        Instant when;
        try {
            when = Instant.parse(occurredAt.strip());
        } catch (DateTimeParseException e) {
            throw Problems.badField("occurredAt", "'" + Problems.shorten(occurredAt)
                    + "' is not a date and time such as 2026-11-30T10:15:00Z.");
        }
        if (when.isAfter(EngineClock.now())) {
            throw Problems.badField("occurredAt", "An incident cannot have happened in the future.");
        }
        return when;
    }

    private static String kindNames() {
        return Arrays.stream(IncidentKind.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    record Kind(IncidentKind value, String label) {
    }

    /** {@code occurredAt}: ISO-8601 instant, optional (now). {@code visitReference}: optional. */
    record IncidentRequest(String kind, String visitReference, String whatHappened, String occurredAt) {
    }
}
