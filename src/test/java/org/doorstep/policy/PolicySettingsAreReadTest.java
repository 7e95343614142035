package org.doorstep.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting of the published schema changes behaviour: something outside the policy package (a
 * class calling its accessor, or a model, form or page naming it) reads it. A setting nothing reads
 * promises a school a rule Doorstep does not keep, so it must be implemented or removed.
 */
class PolicySettingsAreReadTest {

    private static final Path POLICY_PACKAGE = Path.of("src/main/java/org/doorstep/policy");

    @Test
    void everySettingInTheSchemaHasAReaderOutsideThePolicyPackage() throws IOException {
        Set<String> settings = new TreeSet<>();
        collect(new ObjectMapper().readTree(Path.of("policies/policy-profile.schema.json").toFile()), settings);
        assertThat(settings).as("settings found in the schema").contains("arrivalCall", "overdueChain", "action", "takenWhen", "ring");

        String java = read(Path.of("src/main/java"), path -> path.toString().endsWith(".java") && !path.startsWith(POLICY_PACKAGE));
        String models = read(Path.of("bpmn"), path -> true) + read(Path.of("dmn"), path -> true)
                + read(Path.of("forms"), path -> true) + read(Path.of("src/main/resources/static"), path -> true);
        List<String> unread = new ArrayList<>();
        for (String setting : settings) {
            boolean accessorCalled = Pattern.compile("\\." + setting + "\\(\\)").matcher(java).find();
            boolean named = Pattern.compile("\\b" + setting + "\\b").matcher(models).find();
            if (!accessorCalled && !named) {
                unread.add(setting);
            }
        }
        assertThat(unread).as("schema settings that nothing outside the policy package reads").isEmpty();
    }

    private static void collect(JsonNode node, Set<String> settings) {
        if (node.isMissingNode()) {
            return;
        }
        node.path("properties").fields().forEachRemaining(field -> {
            settings.add(field.getKey());
            collect(field.getValue(), settings);
        });
        collect(node.path("items"), settings);
        // The overdue catalogue is a map by action id: its entries' settings are declared here.
        collect(node.path("additionalProperties"), settings);
    }

    private static String read(Path root, Predicate<Path> wanted) throws IOException {
        if (!Files.isDirectory(root)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(root)) {
            StringBuilder all = new StringBuilder();
            files.filter(Files::isRegularFile).filter(wanted).forEach(file -> {
                try {
                    all.append(Files.readString(file)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return all.toString();
        }
    }
}
