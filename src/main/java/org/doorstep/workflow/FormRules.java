package org.doorstep.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation rules of one Camunda Form (its JSON): {@code validate.required}, {@code pattern},
 * {@code minLength}/{@code maxLength}, {@code min}/{@code max} of every field with a key, the type
 * each component submits (a checkbox a Boolean, a choice one of its static {@code values}, a date
 * or time an ISO string, a number a Number, text a String), a field marked with the custom property
 * {@code "doorstep:kind": "school-user"} naming a member of the task's school, and the simple
 * {@code conditional.hide} expressions Doorstep's forms use ({@code =key = "value"},
 * {@code =key != "value"}, {@code =key}, {@code =not(key)}, joined by {@code and}/{@code or}), so a
 * hidden field is not checked at all. The form stays the single source of its rules.
 */
public final class FormRules {

    /** Custom component property naming what a field's value stands for, e.g. {@value #SCHOOL_USER}. */
    public static final String KIND = "doorstep:kind";
    /** Optional hide-style condition ({@code =key = "value"}) under which {@value #KIND} applies. */
    public static final String KIND_WHEN = "doorstep:kindWhen";
    /** The value is the user id of a member of the task's school (tenant). */
    public static final String SCHOOL_USER = "school-user";
    /**
     * Custom component properties for rules only the server checks. Tasklist's form-js shows a pattern
     * as "Field must match pattern ^…$" (it ignores patternMessage), and keeps the error of a required
     * field that a condition then hides, leaving Complete disabled; so a field's pattern, and the
     * "required" of a field that can be hidden, live here, and the refusal reads in plain English.
     */
    static final String REQUIRED = "doorstep:required";
    static final String PATTERN = "doorstep:pattern";
    static final String PATTERN_MESSAGE = "doorstep:patternMessage";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String formId;
    private final List<Field> fields;
    private final Set<String> names;

    private FormRules(String formId, List<Field> fields, Set<String> names) {
        this.formId = formId;
        this.fields = fields;
        this.names = names;
    }

    public static FormRules read(InputStream formJson) throws IOException {
        JsonNode form = JSON.readTree(formJson);
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        Set<String> names = new HashSet<>();
        Matcher name = NAME.matcher(form.path("components").toString());
        while (name.find()) {
            names.add(name.group());
        }
        return new FormRules(form.path("id").asText(), List.copyOf(fields), Set.copyOf(names));
    }

    /**
     * Whether the form mentions this name anywhere in its components: a field's key, a {@code {{name}}} in a
     * text, a condition. Every word of the form counts, so a variable the form shows is never missed.
     */
    public boolean mentions(String name) {
        return names.contains(name);
    }

    public String formId() {
        return formId;
    }

    public List<Field> fields() {
        return fields;
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            if (!component.hasNonNull("key")) {
                continue;
            }
            JsonNode validate = component.path("validate");
            JsonNode properties = component.path("properties");
            String pattern = properties.path(PATTERN).asText(validate.path("pattern").asText(null));
            fields.add(new Field(component.path("key").asText(),
                    component.path("label").asText(component.path("key").asText()),
                    component.path("type").asText(),
                    validate.path("required").asBoolean(false) || "true".equals(properties.path(REQUIRED).asText()),
                    pattern != null ? Pattern.compile(pattern) : null,
                    properties.path(PATTERN_MESSAGE).asText(validate.path("patternMessage").asText(null)),
                    validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
                    validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
                    component.path("conditional").path("hide").asText(null),
                    component.path("subtype").asText(null),
                    options(component),
                    validate.hasNonNull("pattern"),
                    component.hasNonNull("conditional") && validate.path("required").asBoolean(false),
                    component.path("properties").path(KIND).asText(null),
                    component.path("properties").path(KIND_WHEN).asText(null)));
        }
    }

    /** The static options of a radio, select, checklist or taglist; null when it has none or loads them at run time. */
    private static Set<String> options(JsonNode component) {
        if (!component.path("values").isArray() || component.has("valuesKey") || component.has("valuesExpression")) {
            return null;
        }
        Set<String> options = new LinkedHashSet<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        return Collections.unmodifiableSet(options);
    }

    /**
     * Every problem with the values, as "Label (key): what is wrong"; empty when all is well.
     * {@code isSchoolUser} answers whether a user id names a member of the task's school.
     */
    public List<String> problems(Function<String, Object> values, Predicate<String> isSchoolUser) {
        List<String> problems = new ArrayList<>();
        for (Field field : fields) {
            if (Conditions.isTrue(field.hide(), values)) {
                continue;
            }
            Object value = values.apply(field.key());
            Optional<String> problem = field.typeProblem(value);
            if (problem.isEmpty()) {
                problem = field.problem(value);
            }
            if (problem.isEmpty() && field.namesSchoolUser(values) && value instanceof String user && !user.isBlank()
                    && !isSchoolUser.test(user)) {
                problem = Optional.of(field.name() + ": '" + shortened(user) + "' is not a member of staff at this school");
            }
            problem.ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Rules Tasklist would enforce in a way that traps or puzzles staff, as "key: why": a client-side
     * pattern (its message is the regular expression) and a required field that a condition can hide
     * (its error outlives the hiding and keeps Complete disabled). A form should have none.
     */
    public List<String> clientTraps() {
        List<String> traps = new ArrayList<>();
        for (Field field : fields) {
            if (field.clientPattern()) {
                traps.add(field.key() + ": validate.pattern shows staff a regular expression; use " + PATTERN);
            }
            if (field.clientRequiredWhenShown()) {
                traps.add(field.key() + ": validate.required on a field that can be hidden; use " + REQUIRED);
            }
            if (field.pattern() != null && field.patternMessage() == null) {
                traps.add(field.key() + ": a pattern without a plain-English " + PATTERN_MESSAGE);
            }
        }
        return traps;
    }

    /** Hide conditions this class cannot read, as "key: expression"; a form should have none (they would count as shown). */
    public List<String> unreadableConditions() {
        return fields.stream().filter(field -> field.hide() != null && !Conditions.understands(field.hide()))
                .map(field -> field.key() + ": " + field.hide()).toList();
    }

    /** A refused value, quoted short enough for a message. */
    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /**
     * One field of the form. {@code options} are its static choices (radio, select, checklist, taglist);
     * {@code kind} is the custom component property {@value #KIND} (e.g. {@value #SCHOOL_USER}), which
     * applies only while the optional {@value #KIND_WHEN} condition holds.
     */
    public record Field(String key, String label, String type, boolean required, Pattern pattern,
            String patternMessage, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String hide,
            String subtype, Set<String> options, boolean clientPattern, boolean clientRequiredWhenShown, String kind,
            String kindWhen) {

        String name() {
            return label + " (" + key + ")";
        }

        boolean namesSchoolUser(Function<String, Object> values) {
            return SCHOOL_USER.equals(kind) && (kindWhen == null || Conditions.isTrue(kindWhen, values));
        }

        /**
         * Whether the value has the type the component submits (Camunda Forms: a checkbox a Boolean, a
         * number a Number, a date or time an ISO string, a choice one of its options, text a String).
         */
        Optional<String> typeProblem(Object value) {
            if (value == null) {
                return Optional.empty();
            }
            return switch (type) {
                case "checkbox" -> value instanceof Boolean ? Optional.empty()
                        : Optional.of(name() + " must be ticked or not ticked (true or false), not " + describe(value));
                case "number" -> !(value instanceof Number number) ? Optional.of(name() + " must be a number, not " + describe(value))
                        : isFinite(number) ? Optional.empty() : Optional.of(name() + " must be a finite number");
                case "radio", "select" -> value instanceof String choice ? optionProblem(choice)
                        : Optional.of(name() + " must be one of " + String.join(", ", options == null ? Set.of() : options)
                                + ", not " + describe(value));
                case "checklist", "taglist" -> listProblem(value);
                case "datetime" -> value instanceof String text ? (text.isBlank() ? Optional.empty() : dateProblem(text))
                        : Optional.of(name() + " must be " + DateTimes.expected(subtype) + ", not " + describe(value));
                case "textfield", "textarea" -> value instanceof String ? Optional.empty()
                        : Optional.of(name() + " must be text, not " + describe(value));
                default -> Optional.empty();
            };
        }

        private Optional<String> optionProblem(String choice) {
            if (options == null || choice.isEmpty() || options.contains(choice)) {
                return Optional.empty();
            }
            return Optional.of(name() + ": '" + shortened(choice) + "' is not one of its options (" + String.join(", ", options) + ")");
        }

        private Optional<String> listProblem(Object value) {
            if (!(value instanceof Collection<?> chosen)) {
                return Optional.of(name() + " must be a list of options, not " + describe(value));
            }
            for (Object choice : chosen) {
                if (!(choice instanceof String text) || (options != null && !options.contains(text))) {
                    return Optional.of(name() + ": '" + shortened(String.valueOf(choice)) + "' is not one of its options ("
                            + String.join(", ", options == null ? Set.of() : options) + ")");
                }
            }
            return Optional.empty();
        }

        private Optional<String> dateProblem(String text) {
            return DateTimes.parses(subtype, text) ? Optional.empty()
                    : Optional.of(name() + " must be " + DateTimes.expected(subtype) + ", not '" + shortened(text) + "'");
        }

        private static boolean isFinite(Number number) {
            return !(number instanceof Double d && !Double.isFinite(d)) && !(number instanceof Float f && !Float.isFinite(f));
        }

        /** What kind of value was sent, without echoing it (it may be long, or private). */
        private static String describe(Object value) {
            if (value instanceof String) {
                return "text";
            }
            if (value instanceof Number) {
                return "a number";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            return "a " + value.getClass().getSimpleName();
        }

        java.util.Optional<String> problem(Object value) {
            String name = label + " (" + key + ")";
            if (isEmpty(value)) {
                return required ? java.util.Optional.of(name + " is required") : java.util.Optional.empty();
            }
            if (value instanceof Number number) {
                BigDecimal decimal = new BigDecimal(number.toString());
                if (min != null && decimal.compareTo(min) < 0) {
                    return java.util.Optional.of(name + " must be at least " + min.toPlainString());
                }
                if (max != null && decimal.compareTo(max) > 0) {
                    return java.util.Optional.of(name + " must be at most " + max.toPlainString());
                }
                return java.util.Optional.empty();
            }
            if (value instanceof String text) {
                if (minLength != null && text.length() < minLength) {
                    return java.util.Optional.of(name + " must have at least " + minLength + " characters");
                }
                if (maxLength != null && text.length() > maxLength) {
                    return java.util.Optional.of(name + " must have at most " + maxLength + " characters");
                }
                if (pattern != null && !pattern.matcher(text).matches()) {
                    return java.util.Optional.of(name + " is not valid" + (patternMessage == null ? "" : ": " + patternMessage));
                }
            }
            return java.util.Optional.empty();
        }

        /** A required checkbox must be ticked; a required text must not be blank. */
        private boolean isEmpty(Object value) {
            return value == null
                    || (value instanceof String text && text.isBlank())
                    || (value instanceof Boolean ticked && !ticked && "checkbox".equals(type))
                    || (value instanceof Collection<?> list && list.isEmpty())
                    || (value instanceof Map<?, ?> map && map.isEmpty());
        }
    }

    /** The ISO strings Camunda Forms' datetime component submits, by subtype (date, time, datetime). */
    static final class DateTimes {

        static boolean parses(String subtype, String text) {
            return switch (subtype == null ? "datetime" : subtype) {
                case "date" -> parsesAny(text, LocalDate::parse);
                case "time" -> parsesAny(text, OffsetTime::parse, LocalTime::parse);
                default -> parsesAny(text, OffsetDateTime::parse, LocalDateTime::parse);
            };
        }

        static String expected(String subtype) {
            return switch (subtype == null ? "datetime" : subtype) {
                case "date" -> "a date like 2026-11-30";
                case "time" -> "a time like 09:30";
                default -> "a date and time like 2026-11-30T09:30Z";
            };
        }

        @SafeVarargs
        private static boolean parsesAny(String text, Function<String, ?>... parsers) {
            for (Function<String, ?> parser : parsers) {
                try {
                    parser.apply(text);
                    return true;
                } catch (DateTimeParseException notThisForm) {
                    // try the next form
                }
            }
            return false;
        }

        private DateTimes() {
        }
    }

    /** The small FEEL subset the forms' hide conditions use. Anything else counts as "shown". */
    static final class Conditions {

        /** Whether the expression is within the subset, so {@link #isTrue} does not fall back to "shown". */
        static boolean understands(String expression) {
            if (expression == null || !expression.startsWith("=")) {
                return false;
            }
            for (String alternative : expression.substring(1).split("\\s+or\\s+")) {
                for (String part : alternative.split("\\s+and\\s+")) {
                    if (evaluate(part, key -> null) == null) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static final Pattern COMPARISON = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*(.+?)\\s*$");
        private static final Pattern NOT = Pattern.compile("^\\s*not\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$");
        private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$");

        static boolean isTrue(String expression, Function<String, Object> values) {
            if (expression == null || !expression.startsWith("=")) {
                return false;
            }
            String body = expression.substring(1);
            for (String alternative : body.split("\\s+or\\s+")) {
                boolean all = true;
                for (String part : alternative.split("\\s+and\\s+")) {
                    Boolean result = evaluate(part, values);
                    if (result == null) {
                        return false;
                    }
                    all &= result;
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        private static Boolean evaluate(String part, Function<String, Object> values) {
            Matcher not = NOT.matcher(part);
            if (not.matches()) {
                return !Boolean.TRUE.equals(values.apply(not.group(1)));
            }
            Matcher name = NAME.matcher(part);
            if (name.matches() && !"true".equals(part.trim()) && !"false".equals(part.trim())) {
                return Boolean.TRUE.equals(values.apply(name.group(1)));
            }
            Matcher comparison = COMPARISON.matcher(part);
            if (!comparison.matches()) {
                return null;
            }
            Object actual = values.apply(comparison.group(1));
            String literal = comparison.group(3);
            boolean equal;
            if (literal.startsWith("\"") && literal.endsWith("\"") && literal.length() >= 2) {
                equal = literal.substring(1, literal.length() - 1).equals(actual == null ? null : actual.toString());
            } else if ("null".equals(literal)) {
                equal = actual == null;
            } else if ("true".equals(literal) || "false".equals(literal)) {
                equal = Boolean.valueOf(literal).equals(actual) || (actual == null && "false".equals(literal));
            } else {
                return null;
            }
            return "=".equals(comparison.group(2)) == equal;
        }

        private Conditions() {
        }
    }
}
