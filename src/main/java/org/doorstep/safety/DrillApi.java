package org.doorstep.safety;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Drills by API: start one, read its report (the same as {@link DrillPages}). */
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_senior-leaders', 'GROUP_headteacher')")
class DrillApi {

    private final Drills drills;

    DrillApi(Drills drills) {
        this.drills = drills;
    }

    /** {@code visitReference}: a visit out now to model the drill on; absent for "Drill: no real visit" at {@code schoolId}. */
    record Start(String visitReference, String schoolId) {
    }

    record Started(String reference, String report) {
    }

    record Report(String reference, String about, boolean ended, List<Drills.Step> steps) {
    }

    @PostMapping("/api/drills")
    ResponseEntity<Started> start(Authentication user, @RequestBody Start start) {
        String reference = drills.start(user, start.schoolId(), start.visitReference());
        String report = DrillPages.PATH + "/" + reference;
        return ResponseEntity.created(URI.create(report)).body(new Started(reference, report));
    }

    @GetMapping("/api/drills/{reference}")
    Report report(Authentication user, @PathVariable String reference) {
        Drills.Drill drill = drills.find(user, reference);
        return new Report(drill.reference(), drill.about(), drill.endedAt() != null, drills.report(drill));
    }
}
