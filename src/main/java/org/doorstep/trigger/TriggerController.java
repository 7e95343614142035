package org.doorstep.trigger;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doorstep.api.BoundedUpload;
import org.doorstep.api.Problems;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.doorstep.school.Pupil;
import org.doorstep.security.SchoolAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register import, the daily evaluation by hand, absence cases, referral PDFs and visit lists. */
@RestController
class TriggerController {

    static final String OFFICE_OR_ADMIN = "hasAnyAuthority('GROUP_office', 'GROUP_camunda-admin')";
    static final String CASE_READERS = "hasAnyAuthority('GROUP_office', 'GROUP_dsl', 'GROUP_headteacher', 'GROUP_camunda-admin')";
    static final String SAFEGUARDING_READERS = "hasAnyAuthority('GROUP_dsl', 'GROUP_headteacher')";

    private final AttendanceImport attendanceImport;
    private final AbsenceEvaluation evaluation;
    private final AbsenceCases cases;
    private final VisitLists visitLists;
    private final SchoolDirectory directory;
    private final ReferralSummaryPdf pdf;
    private final CmeMessage cme;
    private final AuditTrail audit;
    private final SchoolAccess schools;
    private final DataSize maxRegisterSize;

    TriggerController(AttendanceImport attendanceImport, AbsenceEvaluation evaluation, AbsenceCases cases,
            VisitLists visitLists, SchoolDirectory directory, ReferralSummaryPdf pdf, CmeMessage cme, AuditTrail audit, SchoolAccess schools,
            @Value("${doorstep.attendance.max-register-size:20MB}") DataSize maxRegisterSize) {
        this.maxRegisterSize = maxRegisterSize;
        this.attendanceImport = attendanceImport;
        this.evaluation = evaluation;
        this.cases = cases;
        this.visitLists = visitLists;
        this.directory = directory;
        this.pdf = pdf;
        this.cme = cme;
        this.audit = audit;
        this.schools = schools;
    }

    /**
     * The register as CSV (text/csv or text/plain body; one row per session or one per day) or the
     * attendance part of a Common Transfer File (application/xml); see docs/triggers.md. Read as it arrives
     * and refused with 413 past {@code doorstep.attendance.max-register-size}, so an oversized upload is
     * never held in memory whole.
     */
    @PostMapping(path = "/api/attendance", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(OFFICE_OR_ADMIN)
    AttendanceImport.ImportReport importRegister(HttpServletRequest request,
            @RequestHeader(name = "X-Doorstep-Source", required = false) String source, Authentication user) throws IOException {
        InputStream body = BoundedUpload.of(request, maxRegisterSize, "register");
        return attendanceImport.importCsv(new InputStreamReader(body, BoundedUpload.charset(request)), source == null ? "REST" : source, user.getName(),
                schools.accessibleSchools(user));
    }

    @PostMapping(path = "/api/attendance", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @PreAuthorize(OFFICE_OR_ADMIN)
    AttendanceImport.ImportReport importRegisterFromCtf(HttpServletRequest request,
            @RequestHeader(name = "X-Doorstep-Source", required = false) String source, Authentication user) throws IOException {
        return attendanceImport.importCtf(BoundedUpload.of(request, maxRegisterSize, "register"), source == null ? "REST" : source,
                user.getName(), schools.accessibleSchools(user));
    }

    /** Every rejected row of an import, for the importer (or an administrator) to put right. */
    @GetMapping(path = "/api/attendance/imports/{id}/problems", produces = "text/csv")
    @PreAuthorize(OFFICE_OR_ADMIN)
    ResponseEntity<StreamingResponseBody> problems(@PathVariable long id, Authentication user) {
        Optional<String> importer = attendanceImport.importedBy(id);
        if (importer.isEmpty() || !(importer.get().equals(user.getName()) || schools.isAdministrator(user))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id + " of yours");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-problems.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out -> attendanceImport.writeProblems(id, new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    /** Runs the daily evaluation now (for today unless a date is given); safe to run twice. */
    @PostMapping("/api/attendance/evaluation")
    @PreAuthorize(OFFICE_OR_ADMIN)
    AbsenceEvaluation.Report evaluate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String school, Authentication user) {
        LocalDate day = date == null ? EngineClock.today() : date;
        if (school == null && !schools.isAdministrator(user)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name the school to evaluate (parameter 'school')");
        }
        if (school != null) {
            schools.require(user, school, "school " + school);
        }
        audit.record(user.getName(), "ABSENCE_EVALUATION_RUN", "school", school == null ? "all" : school, day.toString());
        return school == null ? evaluation.evaluate(day) : evaluation.evaluate(school, day);
    }

    @GetMapping("/api/absence-cases")
    @PreAuthorize(CASE_READERS)
    List<AbsenceCases.AbsenceCase> cases(@RequestParam String pupil, Authentication user) {
        requirePupilOfOwnSchool(pupil, user);
        return cases.cases(pupil);
    }

    @GetMapping("/api/absence-cases/{reference}/actions")
    @PreAuthorize(CASE_READERS)
    List<AbsenceCases.Action> actions(@PathVariable String reference, Authentication user) {
        requireCaseOfOwnSchool(reference, user);
        return cases.actions(reference);
    }

    /** A child seen at home or by a verified professional: the episode closes. */
    @PostMapping("/api/absence-cases/seen")
    @PreAuthorize("hasAnyAuthority('GROUP_office', 'GROUP_dsl', 'GROUP_headteacher', 'GROUP_visiting-staff')")
    Map<String, Object> seen(@RequestParam String pupil, @RequestParam(required = false) String by, Authentication user) {
        requirePupilOfOwnSchool(pupil, user);
        boolean closed = cases.childSeen(pupil, EngineClock.today(),
                "seen by " + (by == null || by.isBlank() ? user.getName() : by), user.getName());
        return Map.of("pupil", pupil, "caseClosed", closed);
    }

    /** Referral records are need-to-know: DSL and headteacher only, and every read is audited. */
    @GetMapping("/api/absence-cases/{reference}/referrals")
    @PreAuthorize(SAFEGUARDING_READERS)
    List<AbsenceCases.Referral> referrals(@PathVariable String reference, Authentication reader) {
        requireCaseOfOwnSchool(reference, reader);
        audit.record(reader.getName(), "ABSENCE_REFERRALS_READ", "absence_case", reference, null);
        return cases.referrals(reference);
    }

    @GetMapping(path = "/api/absence-cases/{reference}/referrals/{id}/summary.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(SAFEGUARDING_READERS)
    ResponseEntity<byte[]> referralPdf(@PathVariable String reference, @PathVariable long id, Authentication reader) {
        requireCaseOfOwnSchool(reference, reader);
        Optional<AbsenceCases.Referral> referral = cases.referral(id).filter(r -> r.caseReference().equals(reference));
        Optional<AbsenceCases.AbsenceCase> absenceCase = cases.find(reference);
        if (referral.isEmpty() || absenceCase.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        audit.record(reader.getName(), "ABSENCE_REFERRAL_PDF_READ", "absence_case", reference, "#" + id);
        byte[] body = pdf.render(referral.get(), absenceCase.get(), directory.requirePupil(absenceCase.get().pupilId()),
                directory.school(absenceCase.get().schoolId()).orElse(null));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + reference + "-referral-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    /**
     * The CME referral as the local authority's XML message (docs/cme-referral.md), on the PDF's terms: DSL and
     * headteacher of the case's school, every read audited. Only a CME referral has one; a message the school's
     * records cannot fill, or that the schema refuses, is a 422 naming each gap, never a file the LA would refuse.
     */
    @GetMapping(path = "/api/absence-cases/{reference}/referrals/{id}/cme.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @PreAuthorize(SAFEGUARDING_READERS)
    ResponseEntity<String> referralCmeXml(@PathVariable String reference, @PathVariable long id, Authentication reader) {
        requireCaseOfOwnSchool(reference, reader);
        Optional<AbsenceCases.Referral> referral = cases.referral(id)
                .filter(r -> r.caseReference().equals(reference) && r.cmeXml() != null);
        Optional<AbsenceCases.AbsenceCase> absenceCase = cases.find(reference);
        if (referral.isEmpty() || absenceCase.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Pupil pupil = directory.requirePupil(absenceCase.get().pupilId());
        String body;
        try {
            body = cme.render(referral.get(), absenceCase.get(), pupil, directory.contacts(pupil.id()),
                    directory.school(absenceCase.get().schoolId()).orElse(null));
        } catch (CmeMessage.Refused refused) {
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, Problems.withProblems(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The CME message for this referral cannot be made", refused.problems()), refused);
        }
        audit.record(reader.getName(), "ABSENCE_REFERRAL_CME_XML_READ", "absence_case", reference, "#" + id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + reference + "-cme-" + id + ".xml\"")
                .contentType(MediaType.APPLICATION_XML).body(body);
    }

    /** Compiles the school's visit list now from the held visits (the schedule does it every Monday). */
    @PostMapping("/api/visit-lists")
    @PreAuthorize("hasAnyAuthority('GROUP_office', 'GROUP_headteacher', 'GROUP_dsl', 'GROUP_camunda-admin')")
    Map<String, Object> compileVisitList(@RequestParam String school, Authentication user) {
        schools.require(user, school, "school " + school);
        return visitLists.compile(school, EngineClock.today())
                .<Map<String, Object>>map(reference -> Map.of("visitList", reference))
                .orElse(Map.of("visitList", "none: no visits are held"));
    }

    private void requirePupilOfOwnSchool(String pupilId, Authentication user) {
        schools.require(user, directory.pupil(pupilId).map(Pupil::schoolId).orElse(null), "pupil " + pupilId);
    }

    private void requireCaseOfOwnSchool(String reference, Authentication user) {
        schools.require(user, cases.find(reference).map(AbsenceCases.AbsenceCase::schoolId).orElse(null),
                "absence case " + reference);
    }
}
