package org.doorstep.trigger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.doorstep.records.PdfText;
import org.doorstep.school.Pupil;
import org.doorstep.school.School;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/** A one-page (or longer) PDF of a referral record: what was sent, when, by whom, about whom. */
@Component
class ReferralSummaryPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(EngineClock.SCHOOL_ZONE);
    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final int WRAP = 95;

    byte[] render(AbsenceCases.Referral referral, AbsenceCases.AbsenceCase absenceCase, Pupil pupil, School school) {
        List<String> lines = new ArrayList<>();
        lines.add("Referral summary: " + title(referral.kind()));
        lines.add("");
        lines.add("School: " + (school == null ? absenceCase.schoolId() : school.name()));
        lines.add("Pupil: " + pupil.fullName() + " (" + pupil.id() + "), born " + pupil.dateOfBirth() + ", " + pupil.yearGroup());
        lines.add("Address: " + pupil.address());
        if (pupil.hasSocialWorker()) {
            lines.add("Social worker: " + pupil.socialWorkerName() + " " + nullToEmpty(pupil.socialWorkerPhone()));
        }
        lines.add("Absence case: " + absenceCase.reference() + ", opened " + absenceCase.openedOn());
        lines.add("");
        lines.add("Decision: " + referral.decision());
        lines.add("Sent to: " + nullToEmpty(referral.sentTo()));
        lines.add("Decided by: " + referral.decidedBy() + " on " + WHEN.format(referral.decidedAt()));
        lines.add("");
        lines.add("Summary:");
        for (String paragraph : nullToEmpty(referral.summary()).split("\\R")) {
            lines.addAll(wrap(paragraph));
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (int i = start; i < Math.min(lines.size(), start + perPage); i++) {
                        PDType1Font font = i == 0 ? bold : regular;
                        content.setFont(font, i == 0 ? 14 : 10);
                        content.showText(PdfText.printable(font, lines.get(i)));
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

    static String title(String kind) {
        return switch (kind) {
            case RecordAbsenceReferral.SAFEGUARDING_REFERRAL -> "safeguarding referral";
            case RecordAbsenceReferral.POLICE_WELFARE_CHECK -> "police welfare check";
            case "PNAR" -> "local authority notification (PNAR)";
            case "CME_REFERRAL" -> "Children Missing Education referral";
            case "CONSIDER_LEGAL_ACTION" -> "legal action considered";
            case AbsenceCaseProcess.MUST_VISIT_NOT_MADE_RECORD -> "DSL decision on a visit that must happen";
            default -> "DSL review";
        };
    }

    private static List<String> wrap(String paragraph) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (line.length() + word.length() + 1 > WRAP && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
