package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.junit.jupiter.api.Test;

/** The "not a commonly used password" rule, and the shipped list behind it. */
class PasswordRulesTest {

    private final PasswordPolicyRule notCommon = new PasswordRules.NotCommon(Set.of("password", "summer", "123456789012"));

    @Test
    void aListedPasswordIsRefusedWhateverItsCase() {
        assertThat(notCommon.execute("PassWord")).isFalse();
        assertThat(notCommon.execute("123456789012")).isFalse();
    }

    @Test
    void digitsAndSymbolsAddedAtTheEndDoNotMakeAListedPasswordNew() {
        assertThat(notCommon.execute("Password2026!")).isFalse();
        assertThat(notCommon.execute("summer@2025")).isFalse();
    }

    @Test
    void aPasswordThatOnlyContainsAListedWordElsewhereIsAccepted() {
        assertThat(notCommon.execute("my summer of kites")).isTrue();
        assertThat(notCommon.execute("1234567890123")).isTrue();
    }

    @Test
    void theShippedListCatchesTheUsualSuspectsButNotTheDemoPassword() {
        PasswordRules rules = PasswordRules.withShippedList();
        PasswordPolicyRule shipped = rules.getRules().stream()
                .filter(rule -> rule.getPlaceholder().equals(PasswordRules.NotCommon.PLACEHOLDER)).findFirst().orElseThrow();
        for (String common : new String[] {"qwertyuiop12", "Iloveyou2024!", "Football1234", "Welcome12345", "1q2w3e4r5t6y",
                "111111111111", "Summer2025!!", "Safeguarding1", "administrator", "passwordpassword"}) {
            assertThat(shipped.execute(common)).as(common).isFalse();
        }
        assertThat(shipped.execute("doorstep-demo")).isTrue();
        assertThat(shipped.execute("kettle-orbit-saffron")).isTrue();
    }
}
