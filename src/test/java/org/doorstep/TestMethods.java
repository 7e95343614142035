package org.doorstep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The test methods in src/test/java, for the documents that name their proofs as
 * {@code Class#method} (docs/security.md, docs/policy-fidelity.md): a test renamed or deleted must
 * not leave a claim standing that nothing checks any more.
 */
public final class TestMethods {

    private final Map<String, Path> sources;

    private TestMethods(Map<String, Path> sources) {
        this.sources = sources;
    }

    public static TestMethods inSourceTree() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return new TestMethods(files.filter(file -> file.toString().endsWith(".java"))
                    .collect(Collectors.toMap(file -> file.getFileName().toString().replace(".java", ""), file -> file,
                            (first, second) -> first)));
        }
    }

    /**
     * What is wrong with naming {@code testClass#method} as a proof, if anything. A method of a
     * nested class is found in its outer class's file.
     */
    public Optional<String> problemWith(String testClass, String method) {
        Path source = sources.get(testClass);
        if (source == null) {
            return Optional.of("no test class " + testClass);
        }
        try {
            return Files.readString(source).matches("(?s).*\\bvoid " + method + "\\(.*")
                    ? Optional.empty() : Optional.of("no test method " + testClass + "#" + method);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
