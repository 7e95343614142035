package org.doorstep.visit;

import java.net.URI;
import java.util.Map;
import org.doorstep.records.VisitNotes;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.UnknownPupilException;
import org.doorstep.security.SchoolAccess;
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

    record NewVisit(String pupilId, String reason, Boolean hasSocialWorker, Boolean announced) {
    }

    @PostMapping("/api/visits")
    @PreAuthorize("hasAnyAuthority('GROUP_visiting-staff', 'GROUP_office', 'GROUP_headteacher', 'GROUP_dsl')")
    ResponseEntity<Map<String, String>> request(@RequestBody NewVisit request, Authentication requester) {
        schools.require(requester, directory.pupil(request.pupilId()).map(Pupil::schoolId).orElse(null),
                "pupil " + request.pupilId());
        String reference = visits.requestVisit(new VisitService.VisitRequest(request.pupilId(), request.reason(),
                requester.getName(), request.hasSocialWorker(), request.announced(), null)).getBusinessKey();
        return ResponseEntity.created(URI.create("/api/visits/" + reference))
                .body(Map.of("reference", reference, "status", visits.status(reference).orElseThrow()));
    }

    @ExceptionHandler({IllegalArgumentException.class, UnknownPupilException.class})
    ResponseEntity<Map<String, String>> refused(RuntimeException refusal) {
        return ResponseEntity.badRequest().body(Map.of("message", refusal.getMessage()));
    }

    @GetMapping("/api/visits/{reference}")
    ResponseEntity<Map<String, String>> status(@PathVariable String reference, Authentication reader) {
        schools.require(reader, records.schoolOf(reference).orElse(null), "visit " + reference);
        return visits.status(reference)
                .map(status -> ResponseEntity.ok(Map.of("reference", reference, "status", status)))
                .orElse(ResponseEntity.notFound().build());
    }
}
