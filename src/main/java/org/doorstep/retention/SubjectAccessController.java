package org.doorstep.retention;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.PdfText;
import org.doorstep.security.SchoolAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A pupil's records for a subject access request, as JSON and as PDF. Only the headteacher and the
 * DSL may export (the export holds safeguarding notes); every export is audited.
 */
@RestController
@RequestMapping("/api/pupils/{pupilId}")
@PreAuthorize("hasAnyAuthority('GROUP_headteacher', 'GROUP_dsl')")
class SubjectAccessController {

    private static final float MARGIN = 50;
    private static final float LEADING = 13;
    private static final int WRAP = 100;

    private final SubjectAccess subjectAccess;
    private final SchoolAccess schools;
    private final AuditTrail audit;

    SubjectAccessController(SubjectAccess subjectAccess, SchoolAccess schools, AuditTrail audit) {
        this.subjectAccess = subjectAccess;
        this.schools = schools;
        this.audit = audit;
    }

    @GetMapping(value = "/subject-access.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json(@PathVariable String pupilId, Authentication user) {
        Map<String, Object> export = export(pupilId, user, "JSON");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(pupilId, "json")).body(export);
    }

    @GetMapping(value = "/subject-access.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String pupilId, Authentication user) {
        Map<String, Object> export = export(pupilId, user, "PDF");
        @SuppressWarnings("unchecked")
        Map<String, Object> pupil = (Map<String, Object>) export.get("pupil");
        byte[] pdf = render(SubjectAccess.lines(export, pupil.get("firstName") + " " + pupil.get("lastName")));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(pupilId, "pdf")).body(pdf);
    }

    private Map<String, Object> export(String pupilId, Authentication user, String format) {
        String school = subjectAccess.schoolOf(pupilId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No pupil with that id in your schools"));
        schools.require(user, school, "pupil " + pupilId);
        audit.record(user.getName(), SubjectAccess.EXPORTED, "pupil", pupilId, format);
        return subjectAccess.export(pupilId, user.getName());
    }

    private static String attachment(String pupilId, String extension) {
        return "attachment; filename=\"subject-access-" + pupilId.replaceAll("[^A-Za-z0-9-]", "_") + "." + extension + "\"";
    }

    private static byte[] render(List<String> text) {
        List<String> lines = new ArrayList<>();
        text.forEach(line -> lines.addAll(wrap(line)));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(regular, 9);
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (int i = start; i < Math.min(lines.size(), start + perPage); i++) {
                        content.showText(PdfText.printable(regular, lines.get(i)));
                        content.newLineAtOffset(0, -LEADING);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Long notes wrap at a fixed width, keeping their indent. */
    private static List<String> wrap(String line) {
        List<String> lines = new ArrayList<>();
        String rest = line;
        String indent = line.substring(0, line.length() - line.stripLeading().length()) + "  ";
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            cut = cut <= indent.length() ? WRAP : cut;
            lines.add(rest.substring(0, cut));
            rest = indent + rest.substring(cut).strip();
        }
        lines.add(rest);
        return lines;
    }
}
