package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doorstep.school.Pupil;
import org.doorstep.school.School;
import org.junit.jupiter.api.Test;

/** A referral summary is produced whatever was typed into it (probe S8). */
class ReferralSummaryPdfTest {

    @Test
    void aSummaryWithCharactersTheFontCannotDrawStillBecomesAPdf() throws IOException {
        Pupil pupil = new Pupil("TVJ-0001", "thames-view-junior", "Amira", "Example", LocalDate.of(2017, 3, 1), "Year 4",
                "1 Example Road", null, "Exampleton", "EX1 1AA", false, false, null, null);
        AbsenceCases.AbsenceCase absenceCase = new AbsenceCases.AbsenceCase("AC-TVJ-0001-2026-11-23", pupil.id(),
                pupil.schoolId(), LocalDate.of(2026, 11, 23), null, null, null, false, false, true, true, null);
        AbsenceCases.Referral referral = new AbsenceCases.Referral(1, absenceCase.reference(),
                RecordAbsenceReferral.SAFEGUARDING_REFERRAL, "sent", "Children's services \u0081 front door",
                "Sibling said \u0081 \uD83D\uDE1F\nSecond line\tend", "dsl", Instant.parse("2026-11-23T10:00:00Z"));

        byte[] pdf = new ReferralSummaryPdf().render(referral, absenceCase, pupil, null);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Sent to: Children's services ? front door").contains("Sibling said ? ?")
                    .contains("Second line end");
        }
    }
}
