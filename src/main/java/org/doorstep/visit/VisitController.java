package org.doorstep.visit;

import java.net.URI;
import java.util.Map;
import org.doorstep.api.Problems;
import org.doorstep.records.VisitNotes;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
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
 * is not startable from Tasklist, because a visit needs its reference and record first.
 */
@RestController
class VisitController {

    private final VisitService visits;
    private final SchoolDirectory directory;
    private final VisitNotes records;
    private final SchoolAccess schools;

    VisitController(VisitService visits, SchoolDirectory directory, VisitNotes records, SchoolAccess schools) {
        this.visits = visits;
        this.directory = directory;
        this.records = records;
        this.schools = schools;
    }

    /** The column's width: a longer id cannot be a pupil's. */
    private static final int PUPIL_ID_LENGTH = 64;

    record NewVisit(String pupilId, String reason, Boolean hasSocialWorker, Boolean announced) {
    }

    @PostMapping("/api/visits")
    @PreAuthorize("hasAnyAuthority('GROUP_visiting-staff', 'GROUP_office', 'GROUP_headteacher', 'GROUP_dsl')")
    ResponseEntity<Map<String, String>> request(@RequestBody NewVisit request, Authentication requester) {
        if (request.pupilId() == null || request.pupilId().isBlank()) {
            throw Problems.badField("pupilId", "pupilId is required: the pupil the visit is for");
        }
        if (request.pupilId().length() > PUPIL_ID_LENGTH) {
            throw Problems.badField("pupilId", "pupilId '" + Problems.shorten(request.pupilId()) + "' is longer than any pupil id ("
                    + PUPIL_ID_LENGTH + " characters)");
        }
        if (request.reason() == null || !VisitService.REASONS.contains(request.reason())) {
            throw Problems.badField("reason", (request.reason() == null ? "reason is required" :
                    "Unknown visit reason '" + Problems.shorten(request.reason()) + "'") + "; one of " + VisitService.REASONS);
        }
        schools.require(requester, directory.pupil(request.pupilId()).map(Pupil::schoolId).orElse(null),
                "pupil " + request.pupilId());
        String reference = visits.requestDirectly(new VisitService.VisitRequest(request.pupilId(), request.reason(),
                requester.getName(), request.hasSocialWorker(), request.announced(), null));
        String status = visits.status(reference).orElseThrow();
        return ResponseEntity.created(URI.create("/api/visits/" + reference)).body(Map.of("reference", reference,
                "status", status, "nextStep", VisitService.AWAITING_LIST.equals(status)
                        ? "The school's policy asks for a signed weekly visit list: the visit starts once the list is signed."
                        : "It now waits for authorisation in Tasklist."));
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
                .map(status -> ResponseEntity.ok(Map.of("reference", reference, "status", status)))
                .orElse(ResponseEntity.notFound().build());
    }
}
