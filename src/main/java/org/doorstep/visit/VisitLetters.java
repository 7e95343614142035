package org.doorstep.visit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.records.PdfText;
import org.doorstep.school.School;
import org.springframework.stereotype.Component;

/**
 * The printable notices of a visit, as PDFs: the notice of the school's policy left when nobody
 * answers or staff are not let in (Burgh Appendix B "We called today" card, Lynnfield 4 advice slip,
 * Thomas More letter), each saying what its policy asks, and the reminder
 * letter sent when an agreement is broken (Thames View 4.2).
 */
@Component
class VisitLetters {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A5.getWidth() - 2 * MARGIN;

    /** What a notice says: who called, when, and whether nobody answered or staff were not let in. */
    record Notice(PolicyProfile.NoAnswerNotice type, String pupilName, String visitAddress, boolean absenceVisit,
            LocalDateTime calledAt, List<String> staffNames, boolean nobodyAnswered, School school) {
    }

    byte[] noAnswerNotice(Notice notice) {
        return render(switch (notice.type()) {
            case CALLING_CARD -> callingCard(notice);
            case ADVICE_SLIP -> adviceSlip(notice);
            case LETTER -> letter(notice);
        });
    }

    /** Burgh Appendix B, "We called today" card, in its own words. */
    private static List<Line> callingCard(Notice notice) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.title("We called today"));
        lines.add(Line.title("SORRY WE MISSED YOU!"));
        lines.add(Line.text(notice.absenceVisit()
                ? "We visited today as your child was absent from school. Please contact us as soon as possible to confirm "
                        + "they are safe, the reason for absence, and when they will return."
                : "We visited today to see you and your child. Please contact us as soon as possible to arrange another time to meet."));
        lines.add(Line.text("Child's name: " + notice.pupilName()));
        lines.add(Line.text("Date: " + notice.calledAt().format(VisitTimes.DATE)));
        lines.add(Line.text("Time: " + notice.calledAt().format(VisitTimes.TIME)));
        lines.add(Line.text("How to contact us:"));
        lines.add(Line.text(notice.school().name() + " office: " + orDash(notice.school().phone())));
        lines.add(Line.text("Email: " + orDash(notice.school().email())));
        if (notice.absenceVisit()) {
            lines.add(Line.text("If we do not hear from you promptly, we may seek advice from other professionals to make sure "
                    + "your child is safe and well."));
        }
        return lines;
    }

    /** Lynnfield 4: an advice slip with the date, time and names of the staff visiting, in an addressed envelope. */
    private static List<Line> adviceSlip(Notice notice) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.text("To the parent or carer of " + notice.pupilName() + ", " + orDash(notice.visitAddress())));
        lines.addAll(calledAtYourHome(notice, "Sorry we missed you", calledBy(notice)));
        return lines;
    }

    /** Thomas More "During": the home visit letter, posted through the letter box when nobody answers. */
    private static List<Line> letter(Notice notice) {
        return calledAtYourHome(notice, "We called to see you today", "Staff from " + notice.school().name());
    }

    private static List<Line> calledAtYourHome(Notice notice, String title, String callers) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.title(title));
        lines.add(Line.text("Dear parent or carer of " + notice.pupilName() + ","));
        lines.add(Line.text(callers + " called at your home on " + notice.calledAt().format(VisitTimes.DATE)
                + " at " + notice.calledAt().format(VisitTimes.TIME) + " to talk with you about " + notice.pupilName() + ". "
                + missed(notice)));
        lines.add(Line.text("Please contact the school as soon as you can, so that we can make sure "
                + notice.pupilName() + " is safe and well and arrange another time to meet."));
        lines.add(Line.text("Telephone: " + orDash(notice.school().phone())));
        lines.add(Line.text("Email: " + orDash(notice.school().email())));
        lines.add(Line.text("Address: " + orDash(notice.school().address())));
        return lines;
    }

    private static String calledBy(Notice notice) {
        return notice.staffNames().isEmpty() ? "Staff from " + notice.school().name()
                : String.join(" and ", notice.staffNames()) + " from " + notice.school().name();
    }

    private static String missed(Notice notice) {
        return notice.nobodyAnswered() ? "Nobody was able to answer the door." : "We were not able to come in today.";
    }

    byte[] reminderLetter(String pupilName, LocalDateTime writtenAt, String agreements, String visitDate, School school) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.title("Reminder of what we agreed"));
        lines.add(Line.text(writtenAt.format(VisitTimes.DATE)));
        lines.add(Line.text("Dear parent or carer of " + pupilName + ","));
        lines.add(Line.text("When staff from " + school.name() + " visited you" + (visitDate == null ? "" : " on " + visitDate)
                + ", we agreed together the following:"));
        lines.add(Line.text(orDash(agreements)));
        lines.add(Line.text("Our records show that this has not happened. Good attendance matters for " + pupilName
                + "'s learning and wellbeing. A note has been made on " + pupilName + "'s attendance record."));
        lines.add(Line.text("Please contact the school to talk about any difficulties: telephone " + orDash(school.phone())
                + ", email " + orDash(school.email()) + "."));
        lines.add(Line.text("If things do not improve, the school will arrange a further home visit."));
        return render(lines);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    private record Line(String text, boolean title) {
        static Line title(String text) {
            return new Line(text, true);
        }

        static Line text(String text) {
            return new Line(text, false);
        }
    }

    private static byte[] render(List<Line> lines) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = page.getMediaBox().getHeight() - MARGIN;
                for (Line line : lines) {
                    PDType1Font font = line.title() ? bold : regular;
                    float size = line.title() ? 18 : 10.5f;
                    for (String wrapped : wrap(PdfText.printable(font, line.text()), font, size)) {
                        content.beginText();
                        content.setFont(font, size);
                        content.newLineAtOffset(MARGIN, y);
                        content.showText(wrapped);
                        content.endText();
                        y -= size * 1.4f;
                    }
                    y -= 8;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not produce the PDF", e);
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
