package org.doorstep.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Whatever staff type, a document is still produced: what the font cannot draw becomes '?' (probe S8). */
class PdfTextTest {

    static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void aCharacterTheFontCannotDrawBecomesAQuestionMark() {
        assertThat(PdfText.printable(HELVETICA, "Will attend \u0081 every day")).isEqualTo("Will attend ? every day");
        assertThat(PdfText.printable(HELVETICA, "Agreed \uD83D\uDE00 \u4E2D")).isEqualTo("Agreed ? ?");
        assertThat(PdfText.printable(HELVETICA, "bell\u0007")).isEqualTo("bell?");
    }

    @Test
    void whatWinAnsiHasIsKeptIncludingTypographersPunctuation() {
        assertThat(PdfText.printable(HELVETICA, "Zoë’s café – £5 or €6 “agreed”"))
                .isEqualTo("Zoë’s café – £5 or €6 “agreed”");
    }

    @Test
    void lineBreaksAndTabsBecomeSpaces() {
        assertThat(PdfText.printable(HELVETICA, "one\ntwo\r\nthree\tfour")).isEqualTo("one two  three four");
    }

    @Test
    void theResultCanAlwaysBeDrawn() {
        String typed = "Will attend \u0081 every day \uD83D\uDE00 \u0000 \u2028 \uFFFD";
        assertThatCode(() -> {
            try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(HELVETICA, 10);
                    content.showText(PdfText.printable(HELVETICA, typed));
                    content.endText();
                }
                document.save(out);
            }
        }).doesNotThrowAnyException();
    }
}
