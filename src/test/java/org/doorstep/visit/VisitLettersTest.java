package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.school.School;
import org.junit.jupiter.api.Test;

/**
 * Thames View 4.2: a broken agreement gets its reminder letter even when the agreement holds a
 * character the letter's font cannot draw (probe S8: U+0081 stopped the follow-up every time). And the
 * notices say what happened at the door.
 */
class VisitLettersTest {

    static final School SCHOOL = new School("thames-view-junior", "Thames View Junior School", "01632 960000",
            "office@example.org", "1 School Lane", "900000", "999", "999/2000", "THA");

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Lynnfield 4 with Burgh 9's refusal: the slip names who called and does not say nobody answered. */
    @Test
    void aNoticeAfterARefusalSaysStaffCouldNotComeInNotThatNobodyAnswered() throws IOException {
        VisitLetters.Notice refused = new VisitLetters.Notice(PolicyProfile.NoAnswerNotice.ADVICE_SLIP, "Amira Example",
                "2 Example Road", true, LocalDateTime.of(2026, 11, 23, 9, 40), List.of("Ann Lead", "Ben Second"), false, SCHOOL);

        assertThat(text(new VisitLetters().noAnswerNotice(refused)))
                .contains("Ann Lead and Ben Second from Thames View Junior School called at your home on Monday 23 November 2026 at 09:40")
                .contains("We were not able to come in today.").doesNotContain("Nobody was able to answer");
    }

    /** A card for a visit that is not about absence does not ask why the child is absent. */
    @Test
    void aCardForASupportVisitDoesNotAskWhyTheChildIsAbsent() throws IOException {
        VisitLetters.Notice support = new VisitLetters.Notice(PolicyProfile.NoAnswerNotice.CALLING_CARD, "Amira Example",
                "2 Example Road", false, LocalDateTime.of(2026, 11, 23, 9, 40), List.of(), true, SCHOOL);

        assertThat(text(new VisitLetters().noAnswerNotice(support))).contains("SORRY WE MISSED YOU!", "arrange another time")
                .doesNotContain("absent", "other professionals");
    }

    @Test
    void anAgreementWithACharacterTheFontCannotDrawStillGetsItsReminderLetter() throws IOException {
        School school = SCHOOL;

        byte[] pdf = new VisitLetters().reminderLetter("Amira Example", LocalDateTime.of(2026, 12, 7, 9, 0),
                "Will attend \u0081 every day \u2013 by 8:50", null, school);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Will attend ? every day \u2013 by 8:50");
        }
    }
}
