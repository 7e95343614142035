package org.doorstep.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.doorstep.DoorstepTest;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forms are shared by every school, so their text names no school; each school's clauses reach a form
 * only from its own profile (UX review: "Thames View 2.1 and 3.3, Burgh 5" on a Thames View form).
 */
@DoorstepTest
class SchoolClausesOnFormsTest {

    @Autowired PolicyProfiles profiles;

    /** "Thames View", "Burgh", "Lynnfield", "Thomas More", "William Lilley": how clauses are cited. */
    /** The shipped schools' profiles (test profiles of made-up schools are left out). */
    private Collection<PolicyProfile> schools() {
        return profiles.all().stream().filter(profile -> SHIPPED.contains(profile.id())).toList();
    }

    private static final List<String> SHIPPED = List.of("thames-view-junior", "lynnfield-primary", "burgh-lincolnshire",
            "thomas-more-catholic", "william-lilley-infant-nursery");

    private static String citedAs(PolicyProfile school) {
        String[] words = school.schoolName().split(" ");
        return words[0].equals("Burgh") || words[0].equals("Lynnfield") ? words[0] : words[0] + " " + words[1];
    }

    @Test
    void noFormNamesASchool() throws IOException {
        Collection<PolicyProfile> schools = schools();
        List<String> named = new ArrayList<>();
        try (DirectoryStream<Path> forms = Files.newDirectoryStream(Path.of("forms"), "*.form")) {
            for (Path form : forms) {
                String text = Files.readString(form);
                schools.forEach(school -> {
                    if (text.contains(citedAs(school))) {
                        named.add(form.getFileName() + " names " + citedAs(school));
                    }
                });
            }
        }
        assertThat(schools).hasSize(5);
        assertThat(named).isEmpty();
    }

    @Test
    void eachSchoolsFormsCiteOnlyItsOwnClauses() {
        Collection<PolicyProfile> schools = schools();
        for (PolicyProfile school : schools) {
            for (String form : school.formClauses().keySet()) {
                String shown = SchoolClausesOnForms.clauses(school, form);
                assertThat(shown).as(school.id() + " " + form).startsWith("Your school's policy: " + school.schoolName() + " ");
                schools.stream().filter(other -> other != school).forEach(other ->
                        assertThat(shown).as(school.id() + " " + form).doesNotContain(citedAs(other)));
            }
        }
    }

    @Test
    void thamesViewsAuthorisationCitesItsOwnClausesAndAStepItsPolicyIsSilentOnCitesNothing() {
        PolicyProfile thamesView = schools().stream().filter(school -> school.id().equals("thames-view-junior")).findFirst().orElseThrow();
        assertThat(SchoolClausesOnForms.clauses(thamesView, "authorise-visit"))
                .isEqualTo("Your school's policy: Thames View Junior School 2.1, 3.3.");
        assertThat(SchoolClausesOnForms.clauses(thamesView, "dsl-concern-at-door")).isEmpty();
    }
}
