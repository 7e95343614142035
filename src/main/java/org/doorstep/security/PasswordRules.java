package org.doorstep.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.springframework.core.io.ClassPathResource;

/**
 * Doorstep's password policy, handed to the engine so that it holds for every user however made:
 * Admin, /engine-rest/user/create, a password change, the first administrator, the demo users.
 * Admin shows the rules while a password is typed (/identity/password-policy).
 */
final class PasswordRules implements PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;
    static final String COMMON_PASSWORDS = "security/common-passwords.txt";

    private final List<PasswordPolicyRule> rules;

    PasswordRules(Set<String> commonPasswords) {
        this.rules = List.of(new PasswordPolicyLengthRuleImpl(MINIMUM_LENGTH), new NotCommon(commonPasswords),
                new PasswordPolicyUserDataRuleImpl());
    }

    static PasswordRules withShippedList() {
        return new PasswordRules(readCommonPasswords());
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /** The rules a refused password broke, in words, for error messages and the start-up refusal. */
    static String explain(List<PasswordPolicyRule> violated) {
        return violated.stream().map(PasswordRules::inWords).collect(Collectors.joining("; "));
    }

    private static String inWords(PasswordPolicyRule rule) {
        return switch (rule.getPlaceholder()) {
            case PasswordPolicyLengthRuleImpl.PLACEHOLDER -> "at least " + MINIMUM_LENGTH + " characters";
            case PasswordPolicyUserDataRuleImpl.PLACEHOLDER -> "must not contain the user's id, name or e-mail";
            default -> rule.getPlaceholder();
        };
    }

    private static Set<String> readCommonPasswords() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the list of common passwords " + COMMON_PASSWORDS, e);
        }
    }

    /**
     * Refuses a password from the list, also with digits or symbols added at the end
     * ("Password2026!" is "password"). The placeholder is a readable sentence because Admin shows
     * an unknown placeholder as it is: Camunda ships translations only for its own rules.
     */
    static final class NotCommon implements PasswordPolicyRule {

        static final String PLACEHOLDER = "not a commonly used password";

        private final Set<String> common;

        NotCommon(Set<String> common) {
            this.common = common;
        }

        @Override
        public String getPlaceholder() {
            return PLACEHOLDER;
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of();
        }

        @Override
        public boolean execute(String password) {
            if (password == null) {
                return false;
            }
            String candidate = password.strip().toLowerCase(Locale.ROOT);
            String base = candidate.replaceAll("[^\\p{L}]+$", "");
            return !common.contains(candidate) && (base.isEmpty() || !common.contains(base));
        }
    }
}
