package org.doorstep.web;

import java.util.Locale;

/**
 * A stored code as words where no vocabulary names it yet ("CALLING_CARD" and "safe-and-well" read
 * "Calling card" and "Safe and well"): better than the code on a page, and one rule for every page.
 */
public final class ShownWords {

    public static String of(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String spaced = code.strip().replaceAll("[_-]+", " ").toLowerCase(Locale.UK);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private ShownWords() {
    }
}
