package org.doorstep.school;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.doorstep.api.Problems;

/** A pupil as an import file describes them, checked: the record, their contacts and flags. */
record ImportedPupil(int line, Pupil pupil, List<Contact> contacts, Set<PupilFlag> flags) {

    /** Contacts in the directory's order (priority, then name), so an unchanged family compares equal. */
    ImportedPupil {
        contacts = contacts.stream().sorted(Comparator.comparingInt(Contact::priority).thenComparing(Contact::name)).toList();
    }

    /** DfE unique pupil number: a check letter, LA (3), establishment (4), year (2), serial (3; temporary: a letter last). */
    private static final Pattern UPN = Pattern.compile("[A-Z][0-9]{11}[0-9A-Z]");
    /** Strict, so 31/02 is refused rather than quietly read as the 28th. */
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** A value the file got wrong: where (a column or an XML path) and why. */
    static final class BadValue extends RuntimeException {
        BadValue(String where, String reason) {
            super(where + ": " + reason);
        }
    }

    static String upn(String value, String where) {
        String upn = required(value, where, 13).toUpperCase(Locale.ROOT);
        if (!UPN.matcher(upn).matches()) {
            throw new BadValue(where, "'" + Problems.shorten(value) + "' is not a unique pupil number (13 characters, e.g. A123456789012)");
        }
        return upn;
    }

    static String required(String value, String where, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new BadValue(where, "missing");
        }
        return optional(value, where, maxLength);
    }

    static String optional(String value, String where, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw new BadValue(where, "longer than " + maxLength + " characters");
        }
        return text;
    }

    /** ISO dates (CTF, and most exports) or the UK's day/month/year. */
    static LocalDate date(String value, String where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value.strip(), UK_DATE) : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadValue(where, "'" + Problems.shorten(value) + "' is not a date (YYYY-MM-DD or DD/MM/YYYY)");
        }
    }

    static boolean yesNo(String value, String where) {
        String answer = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (answer) {
            case "", "n", "no", "false", "0" -> false;
            case "y", "yes", "true", "1" -> true;
            default -> throw new BadValue(where, "'" + Problems.shorten(value) + "' is not yes or no");
        };
    }

    static Pupil pupil(String upn, String schoolId, String firstName, String lastName, LocalDate dateOfBirth, String yearGroup,
            String addressLine1, String addressLine2, String town, String postcode, Set<PupilFlag> flags,
            String socialWorkerName, String socialWorkerPhone) {
        return new Pupil(upn, schoolId, firstName, lastName, dateOfBirth, yearGroup, addressLine1, addressLine2, town, postcode,
                PupilFlag.vulnerable(flags), PupilFlag.knownToSocialCare(flags, socialWorkerName), socialWorkerName,
                socialWorkerPhone);
    }
}
