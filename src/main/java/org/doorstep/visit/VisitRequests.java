package org.doorstep.visit;

import org.doorstep.api.Problems;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.SchoolAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A visit asked for by a person, through the API or the request page alike: checked, then requested once. */
@Component
class VisitRequests {

    /** The column's width: a longer id cannot be a pupil's. */
    private static final int PUPIL_ID_LENGTH = 64;

    private final VisitService visits;
    private final SchoolDirectory directory;
    private final SchoolAccess schools;

    VisitRequests(VisitService visits, SchoolDirectory directory, SchoolAccess schools) {
        this.visits = visits;
        this.directory = directory;
        this.schools = schools;
    }

    record NewVisit(String pupilId, String reason, Boolean hasSocialWorker, Boolean announced) {
    }

    /** {@code nextStep}: what happens now, in words. */
    record Requested(String reference, String status, String nextStep) {
    }

    Requested request(NewVisit request, Authentication requester) {
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
        return new Requested(reference, status, VisitService.AWAITING_LIST.equals(status)
                ? "The school's policy asks for a signed weekly visit list: the visit starts once the list is signed."
                : "It now waits for authorisation in Tasklist.");
    }
}
