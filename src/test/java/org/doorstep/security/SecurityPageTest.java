package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doorstep.TestMethods;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md lists every attack tried against Doorstep with the test that proves today's
 * answer (or the command, for what only several nodes can show). This keeps the page honest: every
 * row names a proof, and every named proof exists, so a renamed or deleted test cannot leave a claim
 * standing that nothing checks any more.
 */
class SecurityPageTest {

    private static final Path PAGE = Path.of("docs/security.md");
    private static final Pattern PROOF = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9_]*)`");
    /** What only a run of several nodes can show is proven by a command, which must exist. */
    private static final Pattern COMMAND = Pattern.compile("`(tools/[A-Za-z0-9_./-]+\\.sh)`");

    @Test
    void everyAttemptOnTheSecurityPageNamesATestThatExists() throws IOException {
        List<String> rows = Files.readAllLines(PAGE).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| What was tried") && !line.startsWith("|---"))
                .toList();
        assertThat(rows).as("attempts listed on %s", PAGE).hasSizeGreaterThan(20);

        TestMethods tests = TestMethods.inSourceTree();
        List<String> problems = new ArrayList<>();
        for (String row : rows) {
            Matcher command = COMMAND.matcher(row);
            if (command.find()) {
                if (!Files.isExecutable(Path.of(command.group(1)))) {
                    problems.add("no command " + command.group(1));
                }
                continue;
            }
            Matcher proof = PROOF.matcher(row);
            if (!proof.find()) {
                problems.add("no test or command named in: " + row);
                continue;
            }
            do {
                tests.problemWith(proof.group(1), proof.group(2)).ifPresent(problems::add);
            } while (proof.find());
        }
        assertThat(problems).isEmpty();
    }
}
