package org.doorstep.school;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.doorstep.api.CsvUpload;
import org.doorstep.api.Problems;
import org.doorstep.api.RefusedFileException;
import org.doorstep.security.Roles;

/**
 * Reads a school's staff export: one row per member of staff, columns by name in any order (see the
 * README, "Import staff and users"), read as every uploaded CSV is ({@link CsvUpload}). A row that
 * breaks a rule becomes a {@link Problem} naming its line; the file is refused whole
 * ({@link RefusedFileException}) only when its header is not one Doorstep can read or a quote never closes.
 */
final class StaffCsv {

    static final String USERNAME = "username";
    static final String FIRST_NAME = "first_name";
    static final String LAST_NAME = "last_name";
    static final String ROLE = "role";
    static final String JOB_TITLE = "job_title";
    static final String EMAIL = "email";
    static final String MOBILE = "mobile";
    static final String DBS_CHECKED_ON = "dbs_checked_on";
    static final String VEHICLE_MAKE = "vehicle_make";
    static final String VEHICLE_MODEL = "vehicle_model";
    static final String VEHICLE_COLOUR = "vehicle_colour";
    static final String VEHICLE_REGISTRATION = "vehicle_registration";
    static final String VEHICLE_INSURED_UNTIL = "vehicle_insured_until";
    static final String LEAVER = "leaver";

    static final List<String> REQUIRED = List.of(USERNAME, FIRST_NAME, LAST_NAME, ROLE);
    /** Every column and the longest value the staff table (or Camunda) keeps for it. */
    private static final Map<String, Integer> COLUMNS = columns();

    /** Camunda's user ids here (application.yml, generalResourceWhitelistPattern). */
    private static final Pattern USERNAME_SHAPE = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9 ()-]+");
    private static final Pattern REGISTRATION_SHAPE = Pattern.compile("[A-Z0-9 ]+");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> YES = Set.of("yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "");
    private static final String NOTHING_IMPORTED = "; nothing was imported";

    private StaffCsv() {
    }

    private static Map<String, Integer> columns() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put(USERNAME, 64);
        columns.put(FIRST_NAME, 100);
        columns.put(LAST_NAME, 99);
        columns.put(ROLE, 200);
        columns.put(JOB_TITLE, 100);
        columns.put(EMAIL, 200);
        columns.put(MOBILE, 40);
        columns.put(DBS_CHECKED_ON, 20);
        columns.put(VEHICLE_MAKE, 60);
        columns.put(VEHICLE_MODEL, 60);
        columns.put(VEHICLE_COLOUR, 30);
        columns.put(VEHICLE_REGISTRATION, 12);
        columns.put(VEHICLE_INSURED_UNTIL, 20);
        columns.put(LEAVER, 20);
        return columns;
    }

    static Parsed parse(String text) {
        CsvUpload file = CsvUpload.open(new StringReader(text));
        if (file.header().isEmpty() || file.header().equals(List.of(""))) {
            throw new RefusedFileException("The file is empty; its first line must name the columns, at least "
                    + String.join(", ", REQUIRED) + NOTHING_IMPORTED);
        }
        Map<String, Integer> columns = columns(file.header());
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        file.forEachRow(record -> {
            String username = record.get(columns.get(USERNAME));
            try {
                if (record.size() != columns.size()) {
                    throw new BadValue("has " + record.size() + " values but the first line names " + columns.size()
                            + " columns (a comma inside a value needs the value in double quotes)");
                }
                Map<String, String> values = new HashMap<>();
                columns.forEach((column, index) -> values.put(column, record.get(index)));
                Row row = row(record.line(), values, columns.keySet());
                Integer earlier = seen.putIfAbsent(username.toLowerCase(Locale.ROOT), record.line());
                if (earlier != null) {
                    throw new BadValue("username " + Problems.shorten(username) + " is already on line " + earlier);
                }
                rows.add(row);
            } catch (BadValue e) {
                problems.add(new Problem(record.line(), Problems.shorten(username), e.getMessage()));
            }
        }, open -> {
            // Every row after the open quote would be lost: refuse the file rather than apply its first part as if it were all.
            throw new RefusedFileException("The file cannot be read as CSV: a quoted value starting on line " + open.line()
                    + " is never closed" + NOTHING_IMPORTED);
        });
        return new Parsed(rows, problems, columns.keySet());
    }

    /** Column name → its position; refuses unknown columns, which would be silently lost. */
    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.isEmpty()) {
                throw new RefusedFileException("Column " + (i + 1) + " on the first line has no name" + NOTHING_IMPORTED);
            }
            if (!COLUMNS.containsKey(column)) {
                throw new RefusedFileException("Unknown column " + Problems.shorten(column) + "; the columns are "
                        + String.join(", ", COLUMNS.keySet()) + NOTHING_IMPORTED);
            }
            if (columns.putIfAbsent(column, i) != null) {
                throw new RefusedFileException("Column " + column + " appears twice on the first line" + NOTHING_IMPORTED);
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new RefusedFileException("Missing column " + String.join(", ", missing) + "; the first line must name at least "
                    + String.join(", ", REQUIRED) + NOTHING_IMPORTED);
        }
        return columns;
    }

    private static Row row(int line, Map<String, String> values, Set<String> columns) {
        for (Map.Entry<String, Integer> column : COLUMNS.entrySet()) {
            String value = values.getOrDefault(column.getKey(), "");
            if (value.length() > column.getValue()) {
                throw new BadValue(column.getKey() + " is longer than " + column.getValue() + " characters");
            }
        }
        String username = required(values, USERNAME);
        if (!USERNAME_SHAPE.matcher(username).matches()) {
            throw new BadValue("username " + Problems.shorten(username) + " may hold only letters, digits and dashes");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : required(values, ROLE).split(";")) {
            roles.add(Roles.schoolRole(role).map(Roles.Role::id).orElseThrow(() -> new BadValue("role " + Problems.shorten(role.strip())
                    + " is not a school role; use " + String.join(", ", Roles.TASKLIST_GROUPS) + " (several separated by ;)")));
        }
        String email = optional(values, EMAIL);
        if (email != null && !EMAIL_SHAPE.matcher(email).matches()) {
            throw new BadValue("email " + Problems.shorten(email) + " is not an e-mail address");
        }
        String mobile = optional(values, MOBILE);
        if (mobile != null && (!PHONE_SHAPE.matcher(mobile).matches() || mobile.replaceAll("\\D", "").length() < 6)) {
            throw new BadValue("mobile " + Problems.shorten(mobile) + " is not a phone number");
        }
        String registration = optional(values, VEHICLE_REGISTRATION);
        if (registration != null) {
            registration = registration.toUpperCase(Locale.ROOT);
            if (!REGISTRATION_SHAPE.matcher(registration).matches()) {
                throw new BadValue("vehicle_registration " + Problems.shorten(registration) + " may hold only letters, digits and spaces");
            }
        }
        return new Row(line, username, required(values, FIRST_NAME), required(values, LAST_NAME), roles,
                optional(values, JOB_TITLE), email, mobile, date(values, DBS_CHECKED_ON), optional(values, VEHICLE_MAKE),
                optional(values, VEHICLE_MODEL), optional(values, VEHICLE_COLOUR), registration,
                date(values, VEHICLE_INSURED_UNTIL), leaver(values.getOrDefault(LEAVER, "")), columns);
    }

    private static String required(Map<String, String> values, String column) {
        String value = values.get(column);
        if (value == null || value.isBlank()) {
            throw new BadValue(column + " is missing");
        }
        return value;
    }

    private static String optional(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    /** ISO dates (2025-09-01) or the dd/mm/yyyy that UK school systems export. */
    private static LocalDate date(Map<String, String> values, String column) {
        String value = optional(values, column);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadValue(column + " " + Problems.shorten(value) + " is not a date (2025-09-01 or 01/09/2025)");
        }
    }

    private static boolean leaver(String value) {
        String answer = value.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(answer)) {
            return true;
        }
        if (NO.contains(answer)) {
            return false;
        }
        throw new BadValue("leaver " + Problems.shorten(value) + " must be yes or no");
    }

    /**
     * One member of staff as the file gives them. {@code columns}: the file's columns; a column the
     * file does not have leaves what Doorstep holds for it as it is.
     */
    record Row(int line, String username, String firstName, String lastName, Set<String> roles, String jobTitle,
            String email, String mobile, LocalDate dbsCheckedOn, String vehicleMake, String vehicleModel,
            String vehicleColour, String vehicleRegistration, LocalDate vehicleInsuredUntil, boolean leaver,
            Set<String> columns) {

        String fullName() {
            return firstName + " " + lastName;
        }

        boolean has(String column) {
            return columns.contains(column);
        }
    }

    record Parsed(List<Row> rows, List<Problem> problems, Set<String> columns) {
    }

    /** A row that was not applied: its line in the file (the first line is the header), whose, and why. */
    record Problem(int line, String username, String reason) {
    }

    private static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message);
        }
    }
}
