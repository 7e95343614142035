package org.doorstep.school;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import org.doorstep.api.BoundedUpload;
import org.doorstep.security.SchoolAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A school's pupils and families from its MIS, by the school's office or an administrator: the pupils
 * CSV (text/csv) or a Common Transfer File (application/xml). {@code full=true} says the file holds the
 * whole roll, so a pupil missing from it has left; a CTF's header says so itself.
 */
@RestController
class PupilImportController {

    private final PupilImport pupilImport;
    private final SchoolDirectory directory;
    private final SchoolAccess schools;
    private final DataSize maxSize;

    PupilImportController(PupilImport pupilImport, SchoolDirectory directory, SchoolAccess schools,
            @Value("${doorstep.pupils.max-import-size}") DataSize maxSize) {
        this.pupilImport = pupilImport;
        this.directory = directory;
        this.schools = schools;
        this.maxSize = maxSize;
    }

    @PostMapping(path = "/api/schools/{school}/pupils", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasAnyAuthority('GROUP_office', 'GROUP_camunda-admin')")
    PupilImport.Report importCsv(@PathVariable String school, @RequestParam(defaultValue = "false") boolean full,
            @RequestHeader(name = "X-Doorstep-Source", required = false) String source, HttpServletRequest request,
            Authentication user) throws IOException {
        requireSchool(school, user);
        return pupilImport.importCsv(school,
                new InputStreamReader(BoundedUpload.of(request, maxSize, "pupils file"), BoundedUpload.charset(request)),
                full, source == null ? "REST" : source, user.getName());
    }

    @PostMapping(path = "/api/schools/{school}/pupils", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @PreAuthorize("hasAnyAuthority('GROUP_office', 'GROUP_camunda-admin')")
    PupilImport.Report importCtf(@PathVariable String school, @RequestParam(required = false) Boolean full,
            @RequestHeader(name = "X-Doorstep-Source", required = false) String source, HttpServletRequest request,
            Authentication user) throws IOException {
        requireSchool(school, user);
        return pupilImport.importCtf(school, BoundedUpload.of(request, maxSize, "common transfer file"), full,
                source == null ? "REST" : source, user.getName());
    }

    private void requireSchool(String school, Authentication user) {
        schools.require(user, directory.school(school).map(School::id).orElse(null), "school " + school);
    }
}
