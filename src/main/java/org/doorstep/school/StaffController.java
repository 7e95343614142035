package org.doorstep.school;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.doorstep.api.BoundedUpload;
import org.doorstep.api.Problems;
import org.doorstep.records.AuditTrail;
import org.doorstep.security.PasswordLinks;
import org.doorstep.security.SchoolAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A school's staff and users from its export (its office, or an administrator), a fresh
 * set-password link (administrators), and the public side of the links: whose link it is, and
 * setting the password with it.
 */
@RestController
class StaffController {

    static final String SET_PASSWORD_PAGE = "/set-password";
    /** A staff export is a few hundred rows; anything near this is not one. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final StaffImport staffImport;
    private final PasswordLinks links;
    private final SchoolDirectory directory;
    private final SchoolAccess schools;
    private final AuditTrail audit;

    StaffController(StaffImport staffImport, PasswordLinks links, SchoolDirectory directory, SchoolAccess schools, AuditTrail audit) {
        this.staffImport = staffImport;
        this.links = links;
        this.directory = directory;
        this.schools = schools;
        this.audit = audit;
    }

    /** The staff export as CSV; {@code full=true} when it lists everyone, so whoever it leaves out has left. */
    @PostMapping(path = "/api/schools/{schoolId}/staff", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasAnyAuthority('GROUP_office', 'GROUP_camunda-admin')")
    StaffImport.Report importStaff(@PathVariable String schoolId, @RequestParam(defaultValue = "false") boolean full,
            HttpServletRequest request, Authentication user) throws IOException {
        School school = school(user, schoolId);
        byte[] body = request.getInputStream().readNBytes(MAX_FILE_BYTES + 1);
        if (body.length > MAX_FILE_BYTES) {
            throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "A staff file over " + MAX_FILE_BYTES / 1024 + " KB is not a staff export; nothing was imported"), null);
        }
        return staffImport.importCsv(school, new String(body, BoundedUpload.charset(request)), full, user.getName(), linkPage());
    }

    /** A new set-password link for a member of staff (the old one stops working), e.g. one who lost theirs. */
    @PostMapping("/api/schools/{schoolId}/staff/{userId}/password-link")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    StaffImport.Link newLink(@PathVariable String schoolId, @PathVariable String userId, Authentication user) {
        return staffImport.newLink(school(user, schoolId), userId, user.getName(), linkPage());
    }

    /** Public: whose link this is, so the page can say which username the password is for. */
    @PostMapping("/api/password-links/holder")
    PasswordLinks.Holder holder(@RequestBody TokenOnly body, HttpServletRequest request) {
        return links.holder(request.getRemoteAddr(), body.token());
    }

    /** Public: sets the password of the link's user; the link is then spent. */
    @PostMapping("/api/password-links/password")
    PasswordSet setPassword(@RequestBody NewPassword body, HttpServletRequest request) {
        String userId = links.setPassword(request.getRemoteAddr(), body.token(), body.password());
        audit.record(userId, "PASSWORD_SET", "user", userId, "with a one-time link");
        return new PasswordSet(userId);
    }

    private School school(Authentication user, String schoolId) {
        schools.require(user, schoolId, "school " + schoolId);
        return directory.school(schoolId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No school " + Problems.shorten(schoolId)));
    }

    private static String linkPage() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(SET_PASSWORD_PAGE).toUriString();
    }

    record TokenOnly(String token) {
    }

    record NewPassword(String token, String password) {
    }

    record PasswordSet(String userId) {
    }
}
