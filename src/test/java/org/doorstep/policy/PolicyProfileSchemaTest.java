package org.doorstep.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published schema describes exactly the settings Doorstep reads, and every shipped file obeys it. */
class PolicyProfileSchemaTest {

    private static final Path POLICIES = Path.of("policies");
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void theSchemaNamesEverySettingOfTheProfileAndNoOther() throws IOException {
        JsonNode schema = json.readTree(POLICIES.resolve("policy-profile.schema.json").toFile());
        assertSameSettings("", schema, PolicyProfile.class);
    }

    @Test
    void everyShippedProfileAndTheDefaultsObeyTheSchema() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(POLICIES.resolve("policy-profile.schema.json")));
        try (Stream<Path> files = Files.list(POLICIES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                JsonNode profile = yaml.readTree(file.toFile());
                if (file.getFileName().toString().equals(PolicyProfiles.DEFAULTS)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) profile).put("id", "defaults").put("schoolName", "Defaults");
                }
                assertThat(schema.validate(profile)).as(file.toString()).isEmpty();
            }
        }
    }

    private void assertSameSettings(String path, JsonNode schema, Class<?> type) {
        JsonNode properties = schema.get("properties");
        Set<String> documented = new TreeSet<>();
        properties.fieldNames().forEachRemaining(documented::add);
        Set<String> read = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(documented).as("settings under '" + path + "'").isEqualTo(read);
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode node = properties.get(component.getName());
            assertThat(node.has("description") || node.has("$ref")).as("description of " + path + component.getName()).isTrue();
            Class<?> nested = component.getType();
            if (nested.isRecord()) {
                assertSameSettings(path + component.getName() + ".", node, nested);
            } else if (component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                assertSameSettings(path + component.getName() + "[].", node.get("items"), element);
            }
        }
    }
}
