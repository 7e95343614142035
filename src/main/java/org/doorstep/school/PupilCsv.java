package org.doorstep.school;

import static org.doorstep.school.ImportedPupil.date;
import static org.doorstep.school.ImportedPupil.optional;
import static org.doorstep.school.ImportedPupil.required;
import static org.doorstep.school.ImportedPupil.yesNo;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doorstep.api.CsvUpload;
import org.doorstep.api.Problems;
import org.doorstep.api.RefusedFileException;

/**
 * The pupils-and-families CSV (README, "Import pupils and families"): one row per pupil, the flag
 * columns named after {@link PupilFlag}, and any number of contacts as column groups
 * {@code contact1_name}, {@code contact1_relationship}, ... in priority order. A header with an unknown
 * column is refused whole: a misspelt column would otherwise drop its data without a word.
 */
final class PupilCsv {

    static final List<String> PUPIL_COLUMNS = List.of("upn", "first_name", "last_name", "date_of_birth", "year_group",
            "address_line1", "address_line2", "town", "postcode", "social_worker_name", "social_worker_phone");
    static final List<String> CONTACT_FIELDS = List.of("name", "relationship", "parental_responsibility", "phones", "email");
    private static final Pattern CONTACT_COLUMN = Pattern.compile("contact([1-9][0-9]?)_([a-z_]+)");

    private PupilCsv() {
    }

    static void read(Reader csv, String schoolId, Consumer<ImportedPupil> pupils, Consumer<PupilImport.Problem> problems) {
        CsvUpload file = CsvUpload.open(csv);
        Map<String, Integer> columns = columns(file.header());
        TreeSet<Integer> contactNumbers = new TreeSet<>();
        columns.keySet().forEach(column -> {
            Matcher contact = CONTACT_COLUMN.matcher(column);
            if (contact.matches()) {
                contactNumbers.add(Integer.parseInt(contact.group(1)));
            }
        });
        file.forEachRow(row -> {
            try {
                pupils.accept(pupil(row, columns, contactNumbers, schoolId));
            } catch (ImportedPupil.BadValue e) {
                problems.accept(new PupilImport.Problem(row.line(), "column " + e.getMessage()));
            }
        }, open -> problems.accept(new PupilImport.Problem(open.line(), CsvUpload.NEVER_CLOSED)));
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            Matcher contact = CONTACT_COLUMN.matcher(column);
            boolean known = PUPIL_COLUMNS.contains(column) || PupilFlag.ofColumn(column).isPresent()
                    || (contact.matches() && CONTACT_FIELDS.contains(contact.group(2)));
            if (!known) {
                throw new RefusedFileException("Column " + (i + 1) + " of the header, '" + Problems.shorten(column)
                        + "', is not a column of the pupils file (see the README); nothing was imported");
            }
            if (columns.putIfAbsent(column, i) != null) {
                throw new RefusedFileException("Column '" + Problems.shorten(column) + "' appears twice in the header; nothing was imported");
            }
        }
        for (String needed : List.of("upn", "first_name", "last_name")) {
            if (!columns.containsKey(needed)) {
                throw new RefusedFileException("The header has no '" + needed + "' column; nothing was imported");
            }
        }
        return columns;
    }

    private static ImportedPupil pupil(CsvUpload.Row row, Map<String, Integer> columns, Set<Integer> contactNumbers,
            String schoolId) {
        Map<String, String> field = new HashMap<>();
        columns.forEach((column, index) -> field.put(column, row.get(index)));
        String upn = ImportedPupil.upn(field.get("upn"), "upn");
        Set<PupilFlag> flags = EnumSet.noneOf(PupilFlag.class);
        for (PupilFlag flag : PupilFlag.values()) {
            if (yesNo(field.get(flag.column()), flag.column())) {
                flags.add(flag);
            }
        }
        List<Contact> contacts = new ArrayList<>();
        for (int number : contactNumbers) {
            String prefix = "contact" + number + "_";
            String name = optional(field.get(prefix + "name"), prefix + "name", 200);
            if (name == null) {
                continue;
            }
            String responsibility = field.get(prefix + "parental_responsibility");
            contacts.add(new Contact(upn, name, optional(field.get(prefix + "relationship"), prefix + "relationship", 60),
                    optional(field.get(prefix + "phones"), prefix + "phones", 200),
                    optional(field.get(prefix + "email"), prefix + "email", 200),
                    responsibility == null || responsibility.isBlank() || yesNo(responsibility, prefix + "parental_responsibility"),
                    number));
        }
        return new ImportedPupil(row.line(), ImportedPupil.pupil(upn, schoolId,
                required(field.get("first_name"), "first_name", 100), required(field.get("last_name"), "last_name", 100),
                date(field.get("date_of_birth"), "date_of_birth"), optional(field.get("year_group"), "year_group", 20),
                optional(field.get("address_line1"), "address_line1", 200),
                optional(field.get("address_line2"), "address_line2", 200), optional(field.get("town"), "town", 100),
                optional(field.get("postcode"), "postcode", 12), flags,
                optional(field.get("social_worker_name"), "social_worker_name", 200),
                optional(field.get("social_worker_phone"), "social_worker_phone", 40)), contacts, flags);
    }
}
