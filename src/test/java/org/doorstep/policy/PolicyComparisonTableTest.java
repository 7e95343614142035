package org.doorstep.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's comparison of the five profiles is generated from the files, never typed by hand. */
class PolicyComparisonTableTest {

    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- policy-table:start -->\n";
    private static final String END = "<!-- policy-table:end -->";

    @Test
    void theReadmeShowsTheProfilesAsTheyAre() throws IOException {
        String readme = Files.readString(README);
        String table = PolicyComparisonTable.markdown(PolicyProfilesTest.shippedProfiles());
        String current = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        if (Boolean.getBoolean("doorstep.update-docs")) {
            Files.writeString(README, readme.replace(START + current + END, START + table + END));
            return;
        }
        assertThat(current).as("README policy table; regenerate with -Ddoorstep.update-docs=true").isEqualTo(table);
        assertThat(table).contains("| Wait for parent |").contains("20 min").contains("advice slip");
    }
}
