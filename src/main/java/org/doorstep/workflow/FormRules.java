package org.doorstep.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation rules of one Camunda Form (its JSON): {@code validate.required}, {@code pattern},
 * {@code minLength}/{@code maxLength}, {@code min}/{@code max} of every field with a key, and the
 * simple {@code conditional.hide} expressions Doorstep's forms use ({@code =key = "value"},
 * {@code =key != "value"}, {@code =key}, {@code =not(key)}, joined by {@code and}/{@code or}), so a
 * hidden field is not required. The form stays the single source of its rules.
 */
public final class FormRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String formId;
    private final List<Field> fields;

    private FormRules(String formId, List<Field> fields) {
        this.formId = formId;
        this.fields = fields;
    }

    public static FormRules read(InputStream formJson) throws IOException {
        JsonNode form = JSON.readTree(formJson);
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return new FormRules(form.path("id").asText(), List.copyOf(fields));
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
            fields.add(new Field(component.path("key").asText(),
                    component.path("label").asText(component.path("key").asText()),
                    component.path("type").asText(),
                    validate.path("required").asBoolean(false),
                    validate.hasNonNull("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null,
                    validate.path("patternMessage").asText(null),
                    validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
                    validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
                    component.path("conditional").path("hide").asText(null)));
        }
    }

    /** Every problem with the values, as "Label (key): what is wrong"; empty when all is well. */
    public List<String> problems(Function<String, Object> values) {
        List<String> problems = new ArrayList<>();
        for (Field field : fields) {
            if (Conditions.isTrue(field.hide(), values)) {
                continue;
            }
            field.problem(values.apply(field.key())).ifPresent(problems::add);
        }
        return problems;
    }

    public record Field(String key, String label, String type, boolean required, Pattern pattern,
            String patternMessage, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String hide) {

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

    /** The small FEEL subset the forms' hide conditions use. Anything else counts as "shown". */
    static final class Conditions {

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
