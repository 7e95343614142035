package org.doorstep.report;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.doorstep.DoorstepApplication;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.security.WebClient;
import org.doorstep.trigger.SchoolCalendar;
import org.doorstep.trigger.TriggerTestSupport;
import org.doorstep.visit.VisitStatusLabel;
import org.doorstep.workflow.EngineClock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: the leaders' report over a generated year of one school (issue 13 item 4), run by
 * tools/report-benchmark.sh in a fresh H2 file database. It writes 1,000 pupils, 190 school days of
 * register marks (AM and PM), about three absence cases a pupil with their contact attempts, and a visit
 * for every eighth case, then signs in as the administrator and times the page and the CSV for the whole
 * year. Staff-safety alerts live in the engine's history and are not generated: the figures time the
 * history query on an empty history.
 *
 * <p>Goal (issue 13): the page answers in under 1 s.
 */
public final class ReportBenchmark {

    static final int PUPILS = Integer.getInteger("bench.pupils", 1_000);
    static final int SCHOOL_DAYS = 190;
    static final int RUNS = 5;
    private static final String SCHOOL = TriggerTestSupport.SCHOOL;
    private static final String ADMIN = "benchadmin";
    private static final String PASSWORD = "benchmark-only-password";
    private static final LocalDate YEAR_START = LocalDate.of(2025, 9, 1);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "report-benchmark"));
        Path db = Files.createTempDirectory(dir, "h2-");
        String loadBefore = loadAverage();
        List<String> arguments = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath().resolve("report") + ";LOCK_TIMEOUT=10000",
                "--doorstep.security.initial-admin.username=" + ADMIN,
                "--doorstep.security.initial-admin.password=" + PASSWORD, "--logging.level.root=warn"));
        arguments.addAll(List.of(args));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET).profiles("test").run(arguments.toArray(String[]::new))) {
            app.getBean(SchoolOnboarding.class).onboard(TriggerTestSupport.testSchool(SCHOOL, "LAD", 1), ADMIN);
            long generating = System.nanoTime();
            LocalDate lastDay = generate(app.getBean(JdbcTemplate.class), app.getBean(SchoolCalendar.class));
            System.out.printf("Generated (not timed) in %.1f s into %s%n", seconds(generating), db);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            WebClient admin = WebClient.signedIn(port, ADMIN, PASSWORD);
            String query = "?school=" + SCHOOL + "&from=" + YEAR_START + "&to=" + lastDay;
            List<String> lines = new ArrayList<>();
            lines.add(timed(admin, "/reports/timeliness" + query, "page"));
            lines.add(timed(admin, "/reports/timeliness.csv" + query, "CSV"));
            System.out.println("==================================================================");
            System.out.printf("Leaders' report: %,d pupils, %d school days, %s; goal: page < 1 s%n", PUPILS, SCHOOL_DAYS,
                    counts(app.getBean(JdbcTemplate.class)));
            lines.forEach(System.out::println);
            System.out.printf("Load average (1, 5, 15 min): before %s, after %s; %d cores%n", loadBefore, loadAverage(),
                    Runtime.getRuntime().availableProcessors());
            if (Boolean.getBoolean("bench.hold")) {
                // For the screenshot (tools/browser-test/leaders-report.mjs): serve the generated year until stopped.
                System.out.println("READY " + port + " " + query);
                Thread.currentThread().join();
            }
        }
    }

    /** One school year of synthetic data; answers its last school day. */
    private static LocalDate generate(JdbcTemplate jdbc, SchoolCalendar calendar) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = YEAR_START; days.size() < SCHOOL_DAYS; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        calendar.addTerm(SCHOOL, "Benchmark year", YEAR_START, days.get(days.size() - 1));
        Random random = new Random(13);
        List<Object[]> pupils = new ArrayList<>();
        for (int n = 0; n < PUPILS; n++) {
            pupils.add(new Object[] {"B-" + n, SCHOOL, "Pupil", "Number " + n, Date.valueOf("2016-01-01")});
        }
        jdbc.batchUpdate("INSERT INTO pupil (id, school_id, first_name, last_name, date_of_birth) VALUES (?, ?, ?, ?, ?)", pupils);
        List<Object[]> marks = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        List<Object[]> visits = new ArrayList<>();
        VisitStatusLabel[] statuses = VisitStatusLabel.values();
        jdbc.update("INSERT INTO attendance_import (source, imported_by, imported_at, rows_read, rows_added, rows_corrected,"
                + " rows_unchanged, rows_rejected) VALUES ('benchmark', ?, CURRENT_TIMESTAMP, 0, 0, 0, 0, 0)", ADMIN);
        long importId = jdbc.queryForObject("SELECT MAX(id) FROM attendance_import", Long.class);
        for (int n = 0; n < PUPILS; n++) {
            String pupil = "B-" + n;
            int absentUntil = -1;
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                if (d > absentUntil && random.nextInt(60) == 0) {
                    absentUntil = d + random.nextInt(8);
                    String reference = "AC-B-" + n + "-" + d;
                    int seen = Math.min(absentUntil + 1, days.size() - 1);
                    cases.add(new Object[] {reference, pupil, SCHOOL, Date.valueOf(day), Date.valueOf(days.get(seen)), "seen in school"});
                    Timestamp rung = Timestamp.from(day.atTime(9, 30).plusMinutes(5 + random.nextInt(120)).atZone(EngineClock.SCHOOL_ZONE).toInstant());
                    contacts.add(new Object[] {reference, random.nextBoolean(), rung});
                    if (cases.size() % 8 == 0) {
                        visits.add(new Object[] {"HV-B-" + cases.size(), SCHOOL, pupil,
                                statuses[random.nextInt(statuses.length)].name(), rung});
                    }
                }
                boolean absent = d <= absentUntil;
                for (String session : new String[] {"AM", "PM"}) {
                    marks.add(new Object[] {pupil, Date.valueOf(day), session, SCHOOL, absent ? "O" : "/", absent ? "U" : "P", !absent,
                        importId});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO attendance_mark (pupil_id, session_date, session, school_id, code, category, seen, import_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", marks);
        jdbc.batchUpdate("INSERT INTO absence_case (reference, pupil_id, school_id, opened_on, closed_on, close_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?)", cases);
        jdbc.batchUpdate("INSERT INTO absence_contact_attempt (case_reference, methods, reached, attempted_by, attempted_at)"
                + " VALUES (?, 'PHONE', ?, 'office', ?)", contacts);
        jdbc.batchUpdate("INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_at)"
                + " VALUES (?, ?, ?, 'ATTENDANCE', ?, ?)", visits);
        return days.get(days.size() - 1);
    }

    private static String counts(JdbcTemplate jdbc) {
        return String.format(Locale.UK, "%,d register marks, %,d absence cases, %,d contact attempts, %,d visits",
                jdbc.queryForObject("SELECT COUNT(*) FROM attendance_mark", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM absence_case", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM absence_contact_attempt", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM visit", Long.class));
    }

    /** The first request warms the server; the line gives the slowest and the median of the runs after it. */
    private static String timed(WebClient client, String path, String what) {
        long cold = System.nanoTime();
        HttpResponse<String> first = client.get(path);
        double coldSeconds = seconds(cold);
        if (first.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + first.statusCode() + ": " + first.body());
        }
        List<Double> took = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            client.get(path);
            took.add(seconds(start));
        }
        took.sort(Double::compare);
        return String.format(Locale.UK, "%-5s first %.3f s (cold), then median %.3f s, slowest %.3f s of %d; %,d bytes  [load %s]",
                what, coldSeconds, took.get(RUNS / 2), took.get(RUNS - 1), RUNS, first.body().length(), loadAverage());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
