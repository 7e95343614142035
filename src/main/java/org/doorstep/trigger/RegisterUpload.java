package org.doorstep.trigger;

import static org.doorstep.security.Roles.OFFICE;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.doorstep.security.SchoolAccess;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.HomeSection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Today's register from the office's home page: the same file POST /api/attendance takes (the CSV or the
 * attendance part of a CTF), sent by a plain form, and the per-row report as a page. The page's script
 * only adds a progress bar for large files; without it the form posts and the report page comes back.
 */
@Controller
@DoorstepPage
class RegisterUpload implements HomeSection {

    private final AttendanceImport attendanceImport;
    private final SchoolAccess schools;
    private final DataSize maxRegisterSize;

    RegisterUpload(AttendanceImport attendanceImport, SchoolAccess schools,
            @Value("${doorstep.attendance.max-register-size:20MB}") DataSize maxRegisterSize) {
        this.attendanceImport = attendanceImport;
        this.schools = schools;
        this.maxRegisterSize = maxRegisterSize;
    }

    /** What the form says about the file it takes. */
    record Form(long maxMegabytes) {
    }

    /**
     * The report in words: {@code imported} counts every row taken in (new, corrected or already held);
     * {@code refused} the first rows refused, with {@code problemsHref} for all of them.
     */
    record Report(String fileName, AttendanceImport.ImportReport report) {

        public int imported() {
            return report.added() + report.corrected() + report.unchanged();
        }
    }

    @Override
    public Optional<Shown> forViewer(Viewer viewer) {
        return viewer.inAny(OFFICE) ? Optional.of(new Shown(10, "home/register-upload", form())) : Optional.empty();
    }

    private Form form() {
        return new Form(maxRegisterSize.toMegabytes());
    }

    @PostMapping("/register")
    @PreAuthorize(TriggerController.OFFICE_OR_ADMIN)
    String upload(@RequestParam(name = "register", required = false) MultipartFile file, Authentication user, Model model,
            HttpServletResponse response) throws IOException {
        model.addAttribute("form", form());
        if (file == null || file.isEmpty()) {
            return refused(model, response, HttpStatus.BAD_REQUEST, "Choose the register file to send: the CSV or the CTF (XML) your school's system exports.");
        }
        String name = file.getOriginalFilename() == null ? "register" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        if (file.getSize() > maxRegisterSize.toBytes()) {
            return refused(model, response, HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than " + maxRegisterSize.toMegabytes()
                    + " MB; nothing was imported. Send it in parts, e.g. one week at a time.");
        }
        String source = "Home page: " + name;
        try (InputStream in = file.getInputStream()) {
            AttendanceImport.ImportReport report = isCtf(file)
                    ? attendanceImport.importCtf(in, source, user.getName(), schools.accessibleSchools(user))
                    : attendanceImport.importCsv(new InputStreamReader(in, StandardCharsets.UTF_8), source, user.getName(),
                            schools.accessibleSchools(user));
            model.addAttribute("result", new Report(name, report));
            return "register-report";
        } catch (ErrorResponseException refused) {
            return refused(model, response, refused.getStatusCode(), refused.getBody().getDetail());
        }
    }

    /** Nothing was imported: the page says why, with the status an API client would get. */
    private static String refused(Model model, HttpServletResponse response, HttpStatusCode status, String why) {
        response.setStatus(status.value());
        model.addAttribute("refused", why);
        return "register-report";
    }

    /** A CTF is XML: by its name or its type, as the MIS saved it. */
    private static boolean isCtf(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        String type = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || type.contains("xml");
    }
}
