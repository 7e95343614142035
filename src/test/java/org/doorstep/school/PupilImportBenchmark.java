package org.doorstep.school;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.doorstep.DoorstepApplication;
import org.doorstep.trigger.TriggerTestSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: the pupils-and-families import at the size of a large trust (issue 11), run by
 * tools/import-benchmark.sh on PostgreSQL in a database of its own. It writes a synthetic pupils CSV
 * and a synthetic CTF (100,000 pupils, two contacts each), onboards two schools, and for each format
 * posts the file to POST /api/schools/{id}/pupils as an administrator would (full import), then posts
 * the same file again, which must change nothing. It prints seconds and pupils/s for each import and
 * the machine's load average before and after, because the figures move with what else runs.
 *
 * <p>Goal (issue 11): first import at most 60 s, unchanged re-import at most 30 s, on 2 cores.
 */
public final class PupilImportBenchmark {

    static final int PUPILS = Integer.getInteger("bench.pupils", 100_000);
    private static final String ADMIN = "benchadmin";
    private static final String PASSWORD = "benchmark-only-password";
    private static final String[] FIRST_NAMES = {"Amara", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hamza", "Isla", "Jack",
        "Kai", "Layla", "Mo", "Nia", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tilly"};
    private static final String[] LAST_NAMES = {"Example", "Specimen", "Sample", "Placeholder", "Testington", "Dummy-Smith",
        "Model", "Fictional", "Madeup", "Synthetic"};
    private static final String[] STREETS = {"Mill Lane", "Quarry Road", "Canal Street", "Willow Walk", "Park End", "Station Road"};

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "import-benchmark"));
        String loadBefore = loadAverage();
        long generating = System.nanoTime();
        Path csv = writeCsv(dir.resolve("pupils.csv"));
        Path ctf = writeCtf(dir.resolve("families.ctf.xml"));
        System.out.printf("Generated (not timed) in %.1f s: %s %,d bytes, %s %,d bytes%n", seconds(generating), csv,
                Files.size(csv), ctf, Files.size(ctf));
        List<String> arguments = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                "--doorstep.security.initial-admin.username=" + ADMIN,
                "--doorstep.security.initial-admin.password=" + PASSWORD,
                "--logging.level.root=warn"));
        arguments.addAll(List.of(args));
        // The test profile for its job-executor settings and test school profiles; postgres for DOORSTEP_DB_URL.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET).profiles("test", "postgres").run(arguments.toArray(String[]::new))) {
            SchoolOnboarding onboarding = app.getBean(SchoolOnboarding.class);
            if (!app.getBean(SchoolDirectory.class).pupils("import-upsert-academy").isEmpty()) {
                throw new IllegalStateException("The benchmark needs an empty database of its own (tools/import-benchmark.sh makes one)");
            }
            onboarding.onboard(TriggerTestSupport.testSchool("import-upsert-academy", "BCSV", 901), ADMIN);
            onboarding.onboard(TriggerTestSupport.testSchool("import-ctf-academy", "BCTF", 902), ADMIN);
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            List<String> lines = new ArrayList<>();
            lines.add(timed(base, "import-upsert-academy", "CSV, first import", csv, "text/csv; charset=UTF-8"));
            lines.add(timed(base, "import-upsert-academy", "CSV, same file again", csv, "text/csv; charset=UTF-8"));
            lines.add(timed(base, "import-ctf-academy", "CTF, first import", ctf, "application/xml"));
            lines.add(timed(base, "import-ctf-academy", "CTF, same file again", ctf, "application/xml"));

            System.out.println("==================================================================");
            System.out.printf("Pupils import: %,d pupils, %,d contacts a format; goal <= 60 s first, <= 30 s unchanged%n", PUPILS,
                    2 * PUPILS);
            lines.forEach(System.out::println);
            System.out.printf("Database: %s%n", app.getEnvironment().getProperty("spring.datasource.url"));
            System.out.printf("Machine: %d cores, %d GiB, Java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30,
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("Load average (1, 5, 15 min): before %s, after %s%n", loadBefore, loadAverage());
            System.out.println("==================================================================");
        }
    }

    /** Posts the file as a full import and returns the report line; anything but 200 stops the run. */
    private static String timed(String base, String school, String what, Path file, String type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/schools/" + school + "/pupils?full=true"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", type).header("X-Doorstep-Source", "benchmark")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        double took = seconds(start);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode report = new ObjectMapper().readTree(response.body());
        String line = String.format(Locale.UK, "%-22s %6.2f s = %,7.0f pupils/s  (read %,d, added %,d, updated %,d, unchanged %,d,"
                + " left %,d, rejected %,d)", what, took, report.get("recordsRead").asInt() / took, report.get("recordsRead").asInt(),
                report.get("added").asInt(), report.get("updated").asInt(), report.get("unchanged").asInt(),
                report.get("markedLeft").asInt(), report.get("rejectedCount").asInt());
        System.out.println(line + "  [load " + loadAverage() + "]");
        return line;
    }

    /** The README's pupils CSV: every column, quoted addresses with commas, two contacts a pupil. */
    private static Path writeCsv(Path file) throws IOException {
        Random random = new Random(11);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", PupilCsv.PUPIL_COLUMNS));
            for (PupilFlag flag : PupilFlag.values()) {
                out.write("," + flag.column());
            }
            for (int contact = 1; contact <= 2; contact++) {
                for (String field : PupilCsv.CONTACT_FIELDS) {
                    out.write(",contact" + contact + "_" + field);
                }
            }
            out.write('\n');
            for (int i = 0; i < PUPILS; i++) {
                Family family = new Family(i, random);
                StringBuilder row = new StringBuilder(400);
                row.append(upn('A', i)).append(',').append(family.first).append(',').append(family.last).append(',')
                        .append(family.born).append(",Year ").append(family.year).append(",\"").append(family.line1).append("\",")
                        .append(i % 7 == 0 ? "Upper Sampleton" : "").append(",Sampleton,").append(family.postcode).append(',')
                        .append(family.socialWorker ? "Pat Caseworker" : "").append(',')
                        .append(family.socialWorker ? "01632 960999" : "");
                for (PupilFlag flag : PupilFlag.values()) {
                    row.append(',').append(family.flags.contains(flag) ? 'Y' : 'N');
                }
                row.append(',').append(family.parent1).append(",Mother,Y,\"").append(family.phone1).append(" / 01632 960")
                        .append(String.format("%03d", i % 1000)).append("\",").append(family.email);
                row.append(',').append(family.parent2).append(",Father,Y,").append(family.phone2).append(',');
                out.write(row.append('\n').toString());
            }
        }
        return file;
    }

    /** A CTF 24 file as an MIS writes it (indented), with a week of attendance per pupil. */
    private static Path writeCtf(Path file) throws IOException {
        Random random = new Random(11);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <CTfile>
                      <Header>
                        <DocumentName>Common Transfer File</DocumentName>
                        <CTFversion>24.0</CTFversion>
                        <DateTime>2026-11-27T16:05:00</DateTime>
                        <DocumentQualifier>full</DocumentQualifier>
                        <SupplierID>Synthetic MIS</SupplierID>
                        <SourceSchool><LEA>999</LEA><Estab>9902</Estab><SchoolName>Benchmark School</SchoolName>
                          <AcademicYear>2026</AcademicYear></SourceSchool>
                      </Header>
                      <CTFpupilData>
                    """);
            for (int i = 0; i < PUPILS; i++) {
                Family family = new Family(i, random);
                out.write("""
                            <Pupil>
                              <UPN>%s</UPN>
                              <Surname>%s</Surname>
                              <Forename>%s</Forename>
                              <DOB>%s</DOB>
                              <Gender>%s</Gender>
                              <BasicDetails><NCyearActual>%d</NCyearActual></BasicDetails>
                              <LookedAfter><InCare>%s</InCare></LookedAfter>
                        """.formatted(upn('C', i), family.last, family.first, family.born, i % 2 == 0 ? "F" : "M", family.year,
                        family.flags.contains(PupilFlag.LOOKED_AFTER)));
                if (family.flags.contains(PupilFlag.SEN_EHCP)) {
                    out.write("      <SENhistory><SEN><StartDate>2024-09-04</StartDate><SENprovision>E</SENprovision></SEN></SENhistory>\n");
                }
                out.write("""
                              <Address>
                                <BS7666Address>
                                  <PAON>%d</PAON>
                                  <Street>%s</Street>
                                  <Town>Sampleton</Town>
                                  <Postcode>%s</Postcode>
                                </BS7666Address>
                              </Address>
                              <Contacts>
                                <Contact>
                                  <Order>1</Order>
                                  <Title>Ms</Title>
                                  <Surname>%s</Surname>
                                  <Forename>Jo</Forename>
                                  <Relationship>PAM</Relationship>
                                  <Responsibility>true</Responsibility>
                                  <Phones>
                                    <Phone><TelephoneType>M</TelephoneType><PhoneNo>%s</PhoneNo></Phone>
                                  </Phones>
                                  <Email>%s</Email>
                                </Contact>
                                <Contact>
                                  <Order>2</Order>
                                  <Surname>%s</Surname>
                                  <Forename>Sam</Forename>
                                  <Relationship>PAF</Relationship>
                                  <Responsibility>true</Responsibility>
                                  <Phones><Phone><TelephoneType>M</TelephoneType><PhoneNo>%s</PhoneNo></Phone></Phones>
                                </Contact>
                        """.formatted(family.number, family.street, family.postcode, family.last, family.phone1, family.email,
                        family.last, family.phone2));
                if (family.socialWorker) {
                    out.write("""
                                    <Contact>
                                      <Order>3</Order>
                                      <Surname>Caseworker</Surname>
                                      <Forename>Pat</Forename>
                                      <Relationship>SWR</Relationship>
                                      <Responsibility>false</Responsibility>
                                      <Phones><Phone><TelephoneType>W</TelephoneType><PhoneNo>01632 960999</PhoneNo></Phone></Phones>
                                    </Contact>
                            """);
                }
                out.write("""
                              </Contacts>
                              <Attendance>
                                <YearData>
                                  <Year>2026</Year>
                                  <AttendanceStartDate>2026-11-16</AttendanceStartDate>
                                  <AttendanceMarks>%s</AttendanceMarks>
                                </YearData>
                              </Attendance>
                            </Pupil>
                        """.formatted(i % 20 == 0 ? "/\\/\\NNNN/\\" : "/\\/\\/\\/\\/\\"));
            }
            out.write("  </CTFpupilData>\n</CTfile>\n");
        }
        return file;
    }

    /** One synthetic pupil and family, the same in both files but for the UPN's first letter. */
    private static final class Family {
        final String first;
        final String last;
        final LocalDate born;
        final int year;
        final int number;
        final String street;
        final String line1;
        final String postcode;
        final String parent1;
        final String parent2;
        final String phone1;
        final String phone2;
        final String email;
        final boolean socialWorker;
        final List<PupilFlag> flags = new ArrayList<>();

        Family(int i, Random random) {
            first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            year = 1 + random.nextInt(11);
            born = LocalDate.of(2026 - 5 - year, 9, 1).plusDays(random.nextInt(365));
            number = 1 + random.nextInt(200);
            street = STREETS[random.nextInt(STREETS.length)];
            line1 = i % 5 == 0 ? "Flat " + (1 + i % 9) + ", " + number + " " + street : number + " " + street;
            postcode = "ZZ%d %d%c%c".formatted(1 + i % 9, i % 10, (char) ('A' + i % 26), (char) ('A' + i / 26 % 26));
            parent1 = "Jo " + last;
            parent2 = "Sam " + last;
            phone1 = "07700 9%05d".formatted(i % 100_000);
            phone2 = "07700 8%05d".formatted(i % 100_000);
            email = "family" + i + "@example.invalid";
            // Roughly a school's mix: 2 % on a plan or in need, 1 % looked after, 3 % with an EHCP.
            double roll = random.nextDouble() * 100;
            if (roll < 1) {
                flags.add(PupilFlag.CHILD_PROTECTION_PLAN);
            } else if (roll < 2) {
                flags.add(PupilFlag.CHILD_IN_NEED);
            } else if (roll < 3) {
                flags.add(PupilFlag.LOOKED_AFTER);
            }
            if (random.nextDouble() < 0.03) {
                flags.add(PupilFlag.SEN_EHCP);
            }
            socialWorker = flags.contains(PupilFlag.CHILD_PROTECTION_PLAN) || flags.contains(PupilFlag.CHILD_IN_NEED)
                    || flags.contains(PupilFlag.LOOKED_AFTER);
        }
    }

    /** A well-formed UPN (the format the import checks), unique by {@code i}, starting with {@code letter}. */
    private static String upn(char letter, int i) {
        return letter + "%011d".formatted(99_000_000_000L + i) + "0";
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return String.format(Locale.UK, "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private PupilImportBenchmark() {
    }
}
