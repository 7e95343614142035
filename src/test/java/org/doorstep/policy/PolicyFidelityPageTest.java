package org.doorstep.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.doorstep.TestMethods;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/policy-fidelity.md is the five policies clause by clause, each with where it is implemented
 * and the test that proves it. This keeps the page honest: every clause has a status (saying why
 * when it is partial or not implemented, naming its issue item while it is being built), a faithful
 * clause names a proof, every named proof is a test method that exists, and the counts at the top
 * are the rows below. A renamed or deleted test fails here until the page follows.
 */
class PolicyFidelityPageTest {

    private static final Path PAGE = Path.of("docs/policy-fidelity.md");
    private static final Pattern PROOF = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9_]*)`");
    /** The columns of the counts table, in order. */
    private static final List<String> STATUSES =
            List.of("faithful", "partial", "not implemented", "in progress", "not applicable");
    private static final Pattern STATUS = Pattern.compile(
            "faithful|partial: .+|not implemented: .+|in progress \\(issue \\d+ item \\d+\\)(: .+)?|not applicable(: .+)?");
    private static final int COLUMNS = 5;
    private static final int PROOF_COLUMN = 3;
    private static final int STATUS_COLUMN = 4;

    private List<String> page;

    @BeforeEach
    void readPage() throws IOException {
        page = Files.readAllLines(PAGE);
    }

    @Test
    void everyClauseHasAStatusAndNamesOnlyTestsThatExist() throws IOException {
        Map<String, List<List<String>>> clauses = clausesBySchool();
        assertThat(clauses.keySet()).as("schools counted on %s", PAGE)
                .containsExactly("Thames View", "William Lilley", "Lynnfield", "Burgh", "Thomas More");

        TestMethods tests = TestMethods.inSourceTree();
        List<String> problems = new ArrayList<>();
        clauses.forEach((school, rows) -> {
            assertThat(rows).as("clauses of %s", school).hasSizeGreaterThan(10);
            for (List<String> row : rows) {
                String clause = row.get(0);
                if (row.size() != COLUMNS) {
                    problems.add(clause + ": " + row.size() + " columns, not " + COLUMNS);
                    continue;
                }
                if (!clause.startsWith(school + " ")) {
                    problems.add(clause + ": does not start with its school, " + school);
                }
                String status = row.get(STATUS_COLUMN);
                if (!STATUS.matcher(status).matches()) {
                    problems.add(clause + ": status '" + status + "' is not one of " + STATUSES
                            + " (partial and not implemented say why; in progress names its issue item)");
                }
                Matcher proof = PROOF.matcher(row.get(PROOF_COLUMN));
                boolean namesATest = false;
                while (proof.find()) {
                    namesATest = true;
                    tests.problemWith(proof.group(1), proof.group(2)).ifPresent(problem -> problems.add(clause + ": " + problem));
                }
                if (status.equals("faithful") && !namesATest) {
                    problems.add(clause + ": faithful, but names no test");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theCountsAtTheTopAreTheRowsBelow() {
        Map<String, List<Integer>> found = new LinkedHashMap<>();
        clausesBySchool().forEach((school, rows) -> {
            List<Integer> counts = new ArrayList<>();
            for (String status : STATUSES) {
                counts.add((int) rows.stream().filter(row -> row.get(row.size() - 1).startsWith(status)).count());
            }
            counts.add(rows.size());
            found.put(school, counts);
        });
        assertThat(statedCounts()).as("the counts on %s (%s, rows)", PAGE, STATUSES).isEqualTo(found);
    }

    private Map<String, List<Integer>> statedCounts() {
        Map<String, List<Integer>> stated = new LinkedHashMap<>();
        for (List<String> row : tableRows(section("Counts"))) {
            stated.put(row.get(0), row.subList(1, row.size()).stream().map(Integer::valueOf).toList());
        }
        return stated;
    }

    /** The schools are the counts table's rows; each has a section of that name. */
    private Map<String, List<List<String>>> clausesBySchool() {
        Map<String, List<List<String>>> clauses = new LinkedHashMap<>();
        for (String school : statedCounts().keySet()) {
            clauses.put(school, tableRows(section(school)));
        }
        return clauses;
    }

    private List<String> section(String name) {
        int start = page.indexOf("## " + name);
        assertThat(start).as("section '## %s' on %s", name, PAGE).isNotNegative();
        List<String> lines = new ArrayList<>();
        for (String line : page.subList(start + 1, page.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    /** A table's body rows as trimmed cells, without its header and separator. */
    private static List<List<String>> tableRows(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("|")).skip(2)
                .map(line -> Stream.of(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                        .map(String::trim).toList())
                .toList();
    }
}
