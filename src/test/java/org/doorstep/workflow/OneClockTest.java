package org.doorstep.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 14: {@link EngineClock} is the only clock and names the only school time zone. A
 * class reading the wall clock would date its records a different time from the processes that
 * tests (and a restored engine) run on; a second zone constant could drift from the first.
 */
class OneClockTest {

    private static final Path MAIN = Path.of("src/main/java/org/doorstep");
    private static final Pattern ANOTHER_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Clock)\\.(now|system\\w*)\\("
                    + "|System\\.currentTimeMillis\\(|new Date\\(\\)|\\bClockUtil\\b|\"Europe/London\"");

    @Test
    void noMainClassOutsideWorkflowReadsAClockOrNamesTheSchoolZoneItself() throws IOException {
        assertThat(offenders(MAIN)).isEmpty();
    }

    @Test
    void theCheckFindsEachKindOfWallClockAndZone() {
        assertThat(Stream.of("Instant.now()", "LocalDate.now(zone)", "Clock.systemUTC()", "System.currentTimeMillis()",
                "new Date()", "ClockUtil.getCurrentTime()", "ZoneId.of(\"Europe/London\")"))
                .allMatch(line -> ANOTHER_CLOCK.matcher(line).find());
        assertThat(ANOTHER_CLOCK.matcher("EngineClock.now()").find()).isFalse();
    }

    private static List<String> offenders(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(root.resolve("workflow")))
                    .flatMap(OneClockTest::offendingLines)
                    .toList();
        }
    }

    private static Stream<String> offendingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> ANOTHER_CLOCK.matcher(lines.get(i)).find())
                    .mapToObj(i -> MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
