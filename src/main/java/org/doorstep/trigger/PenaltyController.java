package org.doorstep.trigger;

import java.time.LocalDate;
import java.util.List;
import org.doorstep.api.Problems;
import org.doorstep.policy.PolicyProfiles;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A school's penalty-notice pipeline (read by the office, headteacher, DSL and administrators), and the
 * issue or waiver of a pending step, which only the office and the headteacher record.
 */
@RestController
class PenaltyController {

    private static final String PATH = "/api/schools/{schoolId}/penalties";
    static final String DECIDERS = "hasAnyAuthority('GROUP_office', 'GROUP_headteacher')";

    private final Penalties penalties;
    private final PolicyProfiles profiles;
    private final SchoolDirectory directory;
    private final SchoolAccess schools;

    PenaltyController(Penalties penalties, PolicyProfiles profiles, SchoolDirectory directory, SchoolAccess schools) {
        this.penalties = penalties;
        this.profiles = profiles;
        this.directory = directory;
        this.schools = schools;
    }

    /** {@code on}: the day it was issued (today when left out); {@code note}: anything to keep with it. */
    record Issue(LocalDate on, String note) {
    }

    record Waiver(String reason) {
    }

    @GetMapping(PATH)
    @PreAuthorize(TriggerController.CASE_READERS)
    List<Penalties.Entry> pipeline(@PathVariable String schoolId, Authentication user) {
        requireSchool(schoolId, user);
        return penalties.pipeline(schoolId);
    }

    @PostMapping(PATH + "/{id}/issue")
    @PreAuthorize(DECIDERS)
    Penalties.Entry issue(@PathVariable String schoolId, @PathVariable long id, @RequestBody(required = false) Issue body,
            Authentication user) {
        requireSchool(schoolId, user);
        LocalDate on = body == null || body.on() == null ? EngineClock.today() : body.on();
        if (on.isAfter(EngineClock.today())) {
            throw Problems.badField("on", "A step is recorded as issued once it has been: not on a later day");
        }
        return penalties.issue(schoolId, id, on, body == null ? null : body.note(), profiles.forSchool(schoolId).penalties(),
                user.getName());
    }

    @PostMapping(PATH + "/{id}/waive")
    @PreAuthorize(DECIDERS)
    Penalties.Entry waive(@PathVariable String schoolId, @PathVariable long id, @RequestBody Waiver body, Authentication user) {
        requireSchool(schoolId, user);
        return penalties.waive(schoolId, id, body.reason(), user.getName());
    }

    private void requireSchool(String schoolId, Authentication user) {
        schools.require(user, schoolId, "school " + schoolId);
        if (directory.school(schoolId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No school " + Problems.shorten(schoolId)
                    + " is onboarded");
        }
    }
}
