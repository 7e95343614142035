package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doorstep.school.School;
import org.junit.jupiter.api.Test;

/**
 * Thames View 4.2: a broken agreement gets its reminder letter even when the agreement holds a
 * character the letter's font cannot draw (probe S8: U+0081 stopped the follow-up every time).
 */
class VisitLettersTest {

    @Test
    void anAgreementWithACharacterTheFontCannotDrawStillGetsItsReminderLetter() throws IOException {
        School school = new School("thames-view-junior", "Thames View Junior School", "01632 960000",
                "office@example.org", "1 School Lane");

        byte[] pdf = new VisitLetters().reminderLetter("Amira Example", LocalDateTime.of(2026, 12, 7, 9, 0),
                "Will attend \u0081 every day \u2013 by 8:50", null, school);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Will attend ? every day \u2013 by 8:50");
        }
    }
}
