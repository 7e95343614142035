package org.doorstep.visit;

import java.net.URI;
import java.util.Map;
import org.doorstep.api.Problems;
import org.doorstep.records.VisitNotes;
import org.doorstep.school.UnknownPupilException;
import org.doorstep.security.SchoolAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requesting a visit (issue 3 step 1: visiting staff or office) and reading its status. The process
 * is not startable from Tasklist, because a visit needs its reference and record first. Both answers name
 * the visit's page, where people read the rest.
 */
@RestController
class VisitController {

    private final VisitService visits;
    private final VisitRequests requests;
    private final VisitNotes records;
    private final SchoolAccess schools;

    VisitController(VisitService visits, VisitRequests requests, VisitNotes records, SchoolAccess schools) {
        this.visits = visits;
        this.requests = requests;
        this.records = records;
        this.schools = schools;
    }

    @PostMapping("/api/visits")
    @PreAuthorize("hasAnyAuthority('GROUP_visiting-staff', 'GROUP_office', 'GROUP_headteacher', 'GROUP_dsl')")
    ResponseEntity<Map<String, String>> request(@RequestBody VisitRequests.NewVisit request, Authentication requester) {
        VisitRequests.Requested requested = requests.request(request, requester);
        return ResponseEntity.created(URI.create("/api/visits/" + requested.reference())).body(Map.of(
                "reference", requested.reference(), "status", requested.status(), "nextStep", requested.nextStep(),
                "page", VisitPage.path(requested.reference())));
    }

    @ExceptionHandler({IllegalArgumentException.class, UnknownPupilException.class})
    ProblemDetail refused(RuntimeException refusal) {
        return Problems.problem(HttpStatus.BAD_REQUEST, refusal.getMessage());
    }

    @ExceptionHandler(VisitService.VisitAlreadyRequestedException.class)
    ProblemDetail repeated(VisitService.VisitAlreadyRequestedException repeat) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, repeat.getMessage());
        problem.setProperty("reference", repeat.reference());
        return problem;
    }

    @GetMapping("/api/visits/{reference}")
    ResponseEntity<Map<String, String>> status(@PathVariable String reference, Authentication reader) {
        schools.require(reader, records.schoolOf(reference).orElse(null), "visit " + reference);
        return visits.status(reference)
                .map(status -> ResponseEntity.ok(Map.of("reference", reference, "status", status,
                        "statusInWords", VisitStatusLabel.labelOf(status), "page", VisitPage.path(reference))))
                .orElse(ResponseEntity.notFound().build());
    }
}
