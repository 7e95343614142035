package org.doorstep.records;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text as a PDF font can draw it. Doorstep's documents use the standard fonts, which know only
 * WinAnsi; a character outside it (a C1 control such as U+0081 pasted into an agreement, an emoji)
 * would make PDFBox refuse the whole document and leave the task that needs it stuck (probe S8).
 * Such a character is shown as '?' instead; line breaks and tabs become spaces.
 */
public final class PdfText {

    public static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(Character.isWhitespace(c) ? " " : canDraw(font, c) ? Character.toString(c) : "?"));
        return out.toString();
    }

    private static boolean canDraw(PDFont font, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException notInTheFont) {
            return false;
        }
    }

    private PdfText() {
    }
}
