package org.doorstep.visit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Merges the per-class reports of the process test coverage extension into one for the whole
 * test run (target/process-test-coverage/all/report.html and summary.txt): the coverage of
 * home-visit.bpmn over every scenario class, written once all test classes have finished.
 */
class HomeVisitCoverage implements BeforeAllCallback {

    static final Path REPORTS = Path.of("target", "process-test-coverage");
    static final Path ALL = REPORTS.resolve("all");

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(HomeVisitCoverage.class, key -> (ExtensionContext.Store.CloseableResource) HomeVisitCoverage::write);
    }

    static void write() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode merged = json.createObjectNode();
        ArrayNode suites = merged.putArray("suites");
        Map<String, JsonNode> models = new HashMap<>();
        Path template = null;
        List<Path> reports;
        try (Stream<Path> dirs = Files.list(REPORTS)) {
            reports = dirs.filter(dir -> !dir.equals(ALL)).map(dir -> dir.resolve("report.json")).filter(Files::exists).toList();
        }
        for (Path report : reports) {
            JsonNode node = json.readTree(report.toFile());
            node.path("suites").forEach(suites::add);
            node.path("models").forEach(model -> models.putIfAbsent(model.path("key").asText(), model));
            template = report.resolveSibling("report.html");
        }
        merged.putArray("models").addAll(models.values());
        Files.createDirectories(ALL);
        Files.writeString(ALL.resolve("report.json"), json.writeValueAsString(merged));
        if (template != null) {
            String html = Files.readString(template, StandardCharsets.UTF_8);
            int start = html.indexOf("window.COVERAGE_DATA=");
            int end = html.indexOf("</script>", start);
            if (start >= 0 && end > start) {
                html = html.substring(0, start) + "window.COVERAGE_DATA=" + json.writeValueAsString(merged) + "\n" + html.substring(end);
                Files.writeString(ALL.resolve("report.html"), html, StandardCharsets.UTF_8);
                try (Stream<Path> assets = Files.list(template.getParent())) {
                    for (Path asset : assets.filter(file -> file.toString().endsWith(".png")).toList()) {
                        Files.copy(asset, ALL.resolve(asset.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        StringBuilder summary = new StringBuilder();
        for (JsonNode model : models.values()) {
            Set<String> flowNodes = new TreeSet<>();
            Set<String> flows = new TreeSet<>();
            for (JsonNode suite : suites) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        if (!event.path("modelKey").asText().equals(model.path("key").asText())) {
                            continue;
                        }
                        ("SEQUENCE_FLOW".equals(event.path("source").asText()) ? flows : flowNodes)
                                .add(event.path("definitionKey").asText());
                    }
                }
            }
            int total = model.path("totalElementCount").asInt();
            double coverage = total == 0 ? 0 : (double) (flowNodes.size() + flows.size()) / total;
            summary.append(String.format("%s: %.1f %% of %d flow nodes and sequence flows covered (%d flow nodes, %d sequence flows)%n",
                    model.path("key").asText(), coverage * 100, total, flowNodes.size(), flows.size()));
        }
        Files.writeString(ALL.resolve("summary.txt"), summary.toString());
        System.out.println("Process test coverage, all classes:\n" + summary);
    }
}
