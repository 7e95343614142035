package org.doorstep.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The rules a Camunda Form's JSON gives its fields, checked without an engine: every value must have
 * the type its component submits and be one of the component's options, so no client (Tasklist,
 * engine-rest, a script) can slip a wrong value past the form.
 */
class FormRulesTest {

    private static final Predicate<String> STAFF_OF_THE_SCHOOL = Set.of("visitor1", "visitor2")::contains;

    private static final FormRules FORM = read("""
            {"id": "example", "components": [
              {"type": "checkbox", "key": "confirmed", "label": "Confirmed", "validate": {"required": true}},
              {"type": "checkbox", "key": "optionalTick", "label": "Optional tick"},
              {"type": "radio", "key": "companionKind", "label": "Second person",
               "values": [{"label": "Staff", "value": "staff"}, {"label": "Agency", "value": "agency"},
                          {"label": "Nobody", "value": "none"}]},
              {"type": "select", "key": "reason", "label": "Reason",
               "values": [{"label": "Attendance", "value": "attendance"}]},
              {"type": "select", "key": "loaded", "label": "Loaded at run time", "valuesKey": "choices"},
              {"type": "checklist", "key": "hazards", "label": "Hazards",
               "values": [{"label": "Dog", "value": "dog"}, {"label": "Stairs", "value": "stairs"}]},
              {"type": "datetime", "subtype": "datetime", "key": "expectedBack", "label": "Expected back"},
              {"type": "datetime", "subtype": "date", "key": "checkOn", "label": "Check on"},
              {"type": "datetime", "subtype": "time", "key": "at", "label": "At"},
              {"type": "number", "key": "minutes", "label": "Minutes", "validate": {"min": 5, "max": 60}},
              {"type": "textfield", "key": "mobile", "label": "Mobile", "validate": {"pattern": "^07\\\\d{9}$"}},
              {"type": "textarea", "key": "note", "label": "Note", "validate": {"maxLength": 10}},
              {"type": "textfield", "key": "lead", "label": "Lead", "properties": {"doorstep:kind": "school-user"}},
              {"type": "textfield", "key": "companionName", "label": "Companion",
               "properties": {"doorstep:kind": "school-user", "doorstep:kindWhen": "=companionKind = \\"staff\\""},
               "conditional": {"hide": "=companionKind = \\"none\\""}}
            ]}
            """);

    private static List<String> problems(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("confirmed", true);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return FORM.problems(values::get, STAFF_OF_THE_SCHOOL);
    }

    @Test
    void aFormMentionsWhatItShowsItsFieldsAndWhatItsConditionsRead() {
        FormRules form = read("""
                {"id": "shows", "components": [
                  {"type": "text", "text": "**Pupil:** {{pupilName}}  \\n**Reason:** {{displayReason}}"},
                  {"type": "textfield", "key": "note", "label": "Note", "conditional": {"hide": "=not(askForNote)"}}
                ]}
                """);
        assertThat(List.of("pupilName", "displayReason", "note", "askForNote")).allMatch(form::mentions);
        assertThat(form.mentions("displayWho")).as("a word the form does not show").isFalse();
        assertThat(form.mentions("shows")).as("the form's own id is not in its components").isFalse();
    }

    @Test
    void aTickedCheckboxIsTheBooleanTrueNotTheTextFalse() {
        assertThat(problems("confirmed", "false")).containsExactly(
                "Confirmed (confirmed) must be ticked or not ticked (true or false), not text");
        assertThat(problems("confirmed", "true")).hasSize(1);
        assertThat(problems("optionalTick", 1L)).containsExactly(
                "Optional tick (optionalTick) must be ticked or not ticked (true or false), not a number");
        assertThat(problems("optionalTick", false)).isEmpty();
        assertThat(problems("confirmed", false)).containsExactly("Confirmed (confirmed) is required");
    }

    @Test
    void aRadioOrSelectValueMustBeOneOfItsOptions() {
        assertThat(problems("companionKind", "robot", "companionName", "R2")).containsExactly(
                "Second person (companionKind): 'robot' is not one of its options (staff, agency, none)");
        assertThat(problems("companionKind", 1L)).containsExactly(
                "Second person (companionKind) must be one of staff, agency, none, not a number");
        assertThat(problems("reason", "burglary")).containsExactly(
                "Reason (reason): 'burglary' is not one of its options (attendance)");
        assertThat(problems("companionKind", "agency", "companionName", "Fran Field", "reason", "attendance")).isEmpty();
    }

    @Test
    void optionsLoadedAtRunTimeAreNotCheckedAgainstTheForm() {
        assertThat(problems("loaded", "anything")).isEmpty();
    }

    @Test
    void aChecklistIsAListOfItsOptions() {
        assertThat(problems("hazards", List.of("dog", "stairs"))).isEmpty();
        assertThat(problems("hazards", List.of("dog", "shark"))).containsExactly(
                "Hazards (hazards): 'shark' is not one of its options (dog, stairs)");
        assertThat(problems("hazards", "dog")).containsExactly("Hazards (hazards) must be a list of options, not text");
    }

    @Test
    void datesAndTimesMustBeTheIsoStringsCamundaFormsSubmits() {
        assertThat(problems("expectedBack", "2026-11-23T11:30Z", "checkOn", "2026-12-07", "at", "09:30Z")).isEmpty();
        assertThat(problems("expectedBack", "2026-11-23T11:30:00+00:00", "at", "09:30")).isEmpty();
        assertThat(problems("expectedBack", "2026-11-23T11:30")).as("no_timezone serialisation").isEmpty();
        assertThat(problems("expectedBack", "not-a-date")).containsExactly(
                "Expected back (expectedBack) must be a date and time like 2026-11-30T09:30Z, not 'not-a-date'");
        assertThat(problems("checkOn", "07/12/2026")).containsExactly(
                "Check on (checkOn) must be a date like 2026-11-30, not '07/12/2026'");
        assertThat(problems("at", "whenever")).containsExactly("At (at) must be a time like 09:30, not 'whenever'");
        assertThat(problems("checkOn", 20261207L)).containsExactly(
                "Check on (checkOn) must be a date like 2026-11-30, not a number");
    }

    @Test
    void aNumberMustBeANumberWithinItsLimits() {
        assertThat(problems("minutes", 20L)).isEmpty();
        assertThat(problems("minutes", 2.5)).containsExactly("Minutes (minutes) must be at least 5");
        assertThat(problems("minutes", 61)).containsExactly("Minutes (minutes) must be at most 60");
        assertThat(problems("minutes", "20")).containsExactly("Minutes (minutes) must be a number, not text");
        assertThat(problems("minutes", Double.NaN)).containsExactly("Minutes (minutes) must be a finite number");
    }

    @Test
    void textMustBeTextSoItsPatternAndLengthApply() {
        assertThat(problems("mobile", 7700900004L)).containsExactly("Mobile (mobile) must be text, not a number");
        assertThat(problems("mobile", "12345")).containsExactly("Mobile (mobile) is not valid");
        assertThat(problems("mobile", "07700900004")).isEmpty();
        assertThat(problems("note", "far too long a note")).containsExactly("Note (note) must have at most 10 characters");
    }

    @Test
    void aFieldMarkedSchoolUserMustNameAMemberOfTheSchool() {
        assertThat(problems("lead", "visitor1")).isEmpty();
        assertThat(problems("lead", "nobody-at-all")).containsExactly(
                "Lead (lead): 'nobody-at-all' is not a member of staff at this school");
        assertThat(problems("lead", "lyn-visitor1")).as("a user of another school").hasSize(1);
    }

    @Test
    void theSchoolUserMarkAppliesOnlyWhileItsConditionHolds() {
        assertThat(problems("companionKind", "staff", "companionName", "nobody-at-all")).containsExactly(
                "Companion (companionName): 'nobody-at-all' is not a member of staff at this school");
        assertThat(problems("companionKind", "agency", "companionName", "Fran Field, family support")).isEmpty();
    }

    @Test
    void aHiddenFieldIsNotCheckedAtAll() {
        assertThat(problems("companionKind", "none", "companionName", 42L)).isEmpty();
    }

    @Test
    void aLongRefusedValueIsQuotedShort() {
        assertThat(problems("reason", "x".repeat(1000))).singleElement().asString().hasSizeLessThan(120);
    }

    @Test
    void theConditionsReaderKnowsWhatItCannotRead() {
        assertThat(FormRules.Conditions.understands("=a = \"x\" and not(b) or c != \"y\"")).isTrue();
        assertThat(FormRules.Conditions.understands("=a")).isTrue();
        assertThat(FormRules.Conditions.understands("=a > 3")).isFalse();
        assertThat(FormRules.Conditions.understands("=count(items) = 0")).isFalse();
        assertThat(FormRules.Conditions.understands("a = \"x\"")).as("not an expression").isFalse();
    }

    /** An unreadable hide condition counts as "shown", so a field hidden in Tasklist would be required here. */
    @Test
    void everyHideConditionInTheFormsIsOneTheServerUnderstands() throws IOException {
        List<String> unreadable = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("forms"), "*.form")) {
            for (Path file : files) {
                forms.add(file.getFileName().toString());
                try (InputStream json = Files.newInputStream(file)) {
                    FormRules.read(json).unreadableConditions().forEach(problem -> unreadable.add(file.getFileName() + " " + problem));
                }
            }
        }
        assertThat(forms).as("the forms were found").contains("plan-visit.form", "record-visit.form");
        assertThat(unreadable).isEmpty();
    }

    /**
     * Tasklist's form-js says "Field must match pattern ^(\\+44…$" and keeps a hidden field's "Field is
     * required." so Complete stays disabled (UX review, Step 2 and Step 4 problems): no form may do either.
     */
    @Test
    void noFormShowsAPatternOrTrapsCompleteBehindAHiddenRequiredField() throws IOException {
        List<String> traps = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("forms"), "*.form")) {
            for (Path file : files) {
                try (InputStream json = Files.newInputStream(file)) {
                    FormRules.read(json).clientTraps().forEach(trap -> traps.add(file.getFileName() + " " + trap));
                }
            }
        }
        assertThat(traps).isEmpty();
        assertThat(read("""
                {"id": "trap", "components": [
                  {"type": "textfield", "key": "mobile", "label": "Mobile", "validate": {"pattern": "^07\\\\d{9}$"}},
                  {"type": "textfield", "key": "why", "label": "Why", "validate": {"required": true},
                   "conditional": {"hide": "=mobile"}}
                ]}
                """).clientTraps()).as("the check sees both traps").hasSize(3);
    }

    /** The server keeps the rules the form no longer gives the browser, and says what to type. */
    @Test
    void aServerOnlyPatternOrRequiredIsCheckedWhenTheFieldIsShownInPlainEnglish() {
        FormRules form = read("""
                {"id": "server-only", "components": [
                  {"type": "radio", "key": "decision", "label": "Decision",
                   "values": [{"label": "Approve", "value": "approved"}, {"label": "Reject", "value": "rejected"}]},
                  {"type": "textarea", "key": "why", "label": "Reason", "conditional": {"hide": "=decision = \\"approved\\""},
                   "properties": {"doorstep:required": "true"}},
                  {"type": "textfield", "key": "mobile", "label": "Mobile",
                   "properties": {"doorstep:pattern": "^07\\\\d{9}$", "doorstep:patternMessage": "enter a UK mobile number, like 07700900123"}}
                ]}
                """);
        assertThat(form.clientTraps()).isEmpty();
        Map<String, Object> values = new HashMap<>(Map.of("decision", "rejected", "mobile", "^07 but not a number"));
        assertThat(form.problems(values::get, STAFF_OF_THE_SCHOOL)).containsExactly("Reason (why) is required",
                "Mobile (mobile) is not valid: enter a UK mobile number, like 07700900123");
        values.put("decision", "approved");
        values.put("mobile", "07700900123");
        assertThat(form.problems(values::get, STAFF_OF_THE_SCHOOL)).as("hidden, so not required").isEmpty();
    }

    @Test
    void thePlanNamesItsLeadAndStaffCompanionAsSchoolUsers() throws IOException {
        try (InputStream json = Files.newInputStream(Path.of("forms", "plan-visit.form"))) {
            FormRules plan = FormRules.read(json);
            Map<String, Object> values = new HashMap<>(Map.of("leadVisitor", "nobody-at-all", "companionKind", "staff",
                    "companionStaff", "nobody-either"));
            assertThat(plan.problems(values::get, STAFF_OF_THE_SCHOOL)).contains(
                    "Lead member of staff (leadVisitor): 'nobody-at-all' is not a member of staff at this school",
                    "Second member of staff (companionStaff): 'nobody-either' is not a member of staff at this school");
        }
    }

    private static FormRules read(String json) {
        try {
            return FormRules.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
