package org.doorstep.register;

import java.time.LocalDate;
import java.util.List;
import org.doorstep.api.Problems;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.SchoolAccess;
import org.doorstep.workflow.EngineClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A pupil's register duties, the reasonable enquiries the deletion grounds rest on, and the day's check by hand. */
@RestController
class RegisterDutiesController {

    static final String STAFF_WHO_KEEP_THE_REGISTER =
            "hasAnyAuthority('GROUP_office', 'GROUP_dsl', 'GROUP_headteacher', 'GROUP_camunda-admin')";
    static final String OFFICE_OR_ADMIN = "hasAnyAuthority('GROUP_office', 'GROUP_camunda-admin')";

    private final RegisterDuties duties;
    private final SchoolDirectory directory;
    private final SchoolAccess schools;
    private final AuditTrail audit;

    RegisterDutiesController(RegisterDuties duties, SchoolDirectory directory, SchoolAccess schools, AuditTrail audit) {
        this.duties = duties;
        this.directory = directory;
        this.schools = schools;
        this.audit = audit;
    }

    @GetMapping("/api/pupils/{pupilId}/register-duties")
    @PreAuthorize(STAFF_WHO_KEEP_THE_REGISTER)
    List<RegisterDuties.Duty> duties(@PathVariable String pupilId, Authentication user) {
        return duties.duties(pupil(pupilId, user).id());
    }

    /** A reasonable enquiry into where the pupil is, as the school or the local authority made it. */
    record Enquiry(RegisterDuties.EnquiryBy madeBy, LocalDate madeOn, String summary) {
    }

    @PostMapping("/api/pupils/{pupilId}/register-enquiries")
    @PreAuthorize(STAFF_WHO_KEEP_THE_REGISTER)
    @ResponseStatus(HttpStatus.CREATED)
    void recordEnquiry(@PathVariable String pupilId, @RequestBody Enquiry enquiry, Authentication user) {
        Pupil pupil = pupil(pupilId, user);
        if (enquiry.madeBy() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Say who made the enquiry (madeBy: SCHOOL or LOCAL_AUTHORITY)");
        }
        if (enquiry.madeOn() == null || enquiry.madeOn().isAfter(EngineClock.today())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "madeOn must be a date, not in the future");
        }
        if (enquiry.summary() == null || enquiry.summary().isBlank() || enquiry.summary().length() > 2000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "summary must say what was done, in at most 2,000 characters");
        }
        duties.recordEnquiry(pupil.id(), enquiry.madeBy(), enquiry.madeOn(), enquiry.summary().strip(), user.getName());
    }

    /** The day's check by hand (it runs itself at 10:40 every weekday), for one school. */
    @PostMapping("/api/register-duties/check")
    @PreAuthorize(OFFICE_OR_ADMIN)
    RegisterDuties.Report check(@RequestParam String school,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Authentication user) {
        schools.require(user, school, "school " + school);
        LocalDate day = date == null ? EngineClock.today() : date;
        audit.record(user.getName(), "REGISTER_DUTIES_CHECK_RUN", "school", school, day.toString());
        return duties.evaluate(school, day);
    }

    private Pupil pupil(String pupilId, Authentication user) {
        Pupil pupil = directory.pupil(pupilId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No pupil " + Problems.shorten(pupilId) + " in your schools"));
        schools.require(user, pupil.schoolId(), "pupil " + pupilId);
        return pupil;
    }
}
