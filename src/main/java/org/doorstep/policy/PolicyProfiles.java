package org.doorstep.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Loads every school's policy profile at start-up: the ones shipped in policies/ and any in
 * doorstep.policies.directory. Each file is laid over policies/defaults.yml (the safe defaults of
 * the policy matrix), then validated; an invalid file stops the start with a message that names
 * the file, the setting and the reason.
 */
@Service
public class PolicyProfiles {

    static final String DEFAULTS = "defaults.yml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final PolicyProfileValidator validator;
    private final String directory;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    private final JsonNode defaults;
    private volatile Map<String, PolicyProfile> profiles;

    PolicyProfiles(PolicyProfileValidator validator, @Value("${doorstep.policies.directory:}") String directory)
            throws IOException {
        this.validator = validator;
        this.directory = directory;
        this.defaults = read(resolver.getResource("classpath:policies/" + DEFAULTS));
        this.profiles = loadAll();
    }

    /**
     * Reads every profile again, so an edited policy applies to visits started from now on; running
     * visits keep the settings they copied when they started. If any file is invalid nothing
     * changes and the exception says which file, setting and reason.
     */
    public synchronized Collection<PolicyProfile> reload() throws IOException {
        this.profiles = loadAll();
        return all();
    }

    private Map<String, PolicyProfile> loadAll() throws IOException {
        List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:policies/*.yml")));
        if (!directory.isBlank()) {
            files.addAll(List.of(resolver.getResources(new FileSystemResource(directory).getURI() + "/*.yml")));
        }
        Map<String, PolicyProfile> loaded = new TreeMap<>();
        for (Resource file : files) {
            if (!DEFAULTS.equals(file.getFilename())) {
                PolicyProfile profile = load(file);
                loaded.put(profile.id(), profile);
            }
        }
        return Map.copyOf(loaded);
    }

    public PolicyProfile forSchool(String schoolId) {
        PolicyProfile profile = profiles.get(schoolId);
        if (profile == null) {
            throw new UnknownPolicyProfileException(schoolId);
        }
        return profile;
    }

    public Collection<PolicyProfile> all() {
        return profiles.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    /** Reads one profile file over the defaults and validates it; public so tools and tests can check a file. */
    public PolicyProfile load(Resource file) {
        String name = file.getFilename();
        PolicyProfile profile;
        try {
            ObjectNode merged = defaults.deepCopy();
            merge(merged, read(file));
            profile = yaml.treeToValue(merged, PolicyProfile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidPolicyProfileException(name, List.of(path(e) + ": unknown setting"));
        } catch (InvalidFormatException e) {
            throw new InvalidPolicyProfileException(name, List.of(path(e) + ": '" + e.getValue() + "' is not a valid "
                    + describe(e.getTargetType())));
        } catch (JsonMappingException e) {
            throw new InvalidPolicyProfileException(name, List.of(path(e) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidPolicyProfileException(name, List.of("cannot be read: " + e.getMessage()));
        }
        List<String> problems = validator.problems(profile);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyProfileException(name, problems);
        }
        return profile;
    }

    private JsonNode read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            JsonNode node = yaml.readTree(in);
            if (node == null || !node.isObject()) {
                throw new InvalidPolicyProfileException(file.getFilename(), List.of("is empty or not a mapping of settings"));
            }
            return node;
        }
    }

    private static void merge(ObjectNode target, JsonNode overrides) {
        overrides.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "value (one of " + List.of(type.getEnumConstants()) + ")";
        }
        if (type == java.time.Duration.class) {
            return "duration (ISO-8601, such as PT20M)";
        }
        return type.getSimpleName().toLowerCase();
    }
}
