package org.doorstep.visit;

import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.doorstep.school.UnknownPupilException;
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

    VisitController(VisitService visits) {
        this.visits = visits;
    }

    record NewVisit(String pupilId, String reason, Boolean hasSocialWorker, Boolean announced) {
    }

    @PostMapping("/api/visits")
    @PreAuthorize("hasAnyAuthority('GROUP_visiting-staff', 'GROUP_office', 'GROUP_headteacher', 'GROUP_dsl')")
    ResponseEntity<Map<String, String>> request(@RequestBody NewVisit request, Principal requester) {
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
    ResponseEntity<Map<String, String>> status(@PathVariable String reference) {
        return visits.status(reference)
                .map(status -> ResponseEntity.ok(Map.of("reference", reference, "status", status)))
                .orElse(ResponseEntity.notFound().build());
    }
}
