package org.doorstep.trigger;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.doorstep.DoorstepApplication;
import org.doorstep.security.WebClient;
import org.doorstep.workflow.EngineClock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: how fast the pupil page and the office's home answer with a school's real data (issue 12:
 * under 300 ms with 100,000 pupils and 10,000 visits). Run by tools/page-benchmark.sh, which gives it a
 * fresh database. Starts Doorstep with the demo's schools and users, writes synthetic pupils, contacts,
 * visits with their notes, absence cases with their actions, contact attempts and referrals, ten weeks of
 * register for every visited child and today's register for every child, then signs in through the form
 * and times requests: {@code /pupils/{id}} as the office and as the DSL (who reads, and so audits,
 * safeguarding notes), and {@code /} as the office. Prints median, p95 and max and the machine's load.
 *
 * <p>Arguments: {@code --small} (1,000 pupils, 50 visits), {@code --requests=N} (default 200 a page),
 * then any {@code --spring.property=value}.
 */
public final class PageBenchmark {

    private static final String SCHOOL = "thames-view-junior";
    private static final String PASSWORD = "doorstep-demo";
    private static final int WARM_UP = 20;

    public static void main(String[] args) throws Exception {
        boolean small = Arrays.asList(args).contains("--small");
        int pupils = small ? 1_000 : 100_000;
        int visits = small ? 50 : 10_000;
        int requests = Arrays.stream(args).filter(a -> a.startsWith("--requests=")).map(a -> a.substring(11))
                .mapToInt(Integer::parseInt).findFirst().orElse(200);
        List<String> arguments = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                "--logging.level.root=warn", "--logging.level.org.doorstep.demo=warn"));
        Arrays.stream(args).filter(a -> a.startsWith("--spring") || a.startsWith("--doorstep")).forEach(arguments::add);
        String loadBefore = loadAverage();
        boolean postgres = System.getenv("DOORSTEP_DB_URL") != null && System.getenv("DOORSTEP_DB_URL").startsWith("jdbc:postgresql");
        long starting = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET).profiles(postgres ? new String[] {"demo", "postgres"} : new String[] {"demo"})
                .run(arguments.toArray(String[]::new))) {
            System.out.printf("Doorstep started in %.1f s%n", seconds(starting));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            if (jdbc.queryForObject("SELECT COUNT(*) FROM pupil WHERE id LIKE 'BENCH%'", Long.class) > 0) {
                throw new IllegalStateException("The benchmark needs a fresh database (tools/page-benchmark.sh makes one)");
            }
            long generating = System.nanoTime();
            List<String> visited = generate(jdbc, pupils, visits, new Random(12));
            System.out.printf("Generated %,d pupils, %,d visits and their records in %.1f s (not timed)%n", pupils, visits,
                    seconds(generating));
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            WebClient office = WebClient.signedIn(port, "office", PASSWORD);
            WebClient dsl = WebClient.signedIn(port, "dsl", PASSWORD);
            Random pick = new Random(34);
            List<String> lines = new ArrayList<>();
            lines.add(time("/pupils/{id} as office", requests, i -> office.get("/pupils/" + visited.get(pick.nextInt(visited.size())))));
            lines.add(time("/pupils/{id} as DSL", requests, i -> dsl.get("/pupils/" + visited.get(pick.nextInt(visited.size())))));
            lines.add(time("/ as office", requests, i -> office.get("/")));
            System.out.println("==================================================================");
            System.out.printf("Pages: %,d pupils, %,d visits, %s; %d requests a page after %d to warm up; goal < 300 ms%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM pupil", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM visit", Long.class),
                    postgres ? "PostgreSQL" : "H2 file database", requests, WARM_UP);
            lines.forEach(System.out::println);
            System.out.println("Load average before: " + loadBefore + "; after: " + loadAverage() + " (" + base + ")");
            System.out.println("==================================================================");
        }
    }

    interface Request {
        HttpResponse<String> send(int i);
    }

    private static String time(String what, int requests, Request request) {
        long[] millis = new long[requests];
        for (int i = -WARM_UP; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = request.send(i);
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200 || !response.body().contains("<h1")) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            if (i >= 0) {
                millis[i] = took / 1_000_000;
            }
        }
        Arrays.sort(millis);
        return String.format(Locale.UK, "%-24s median %4d ms   p95 %4d ms   max %4d ms", what, millis[requests / 2],
                millis[Math.min(requests - 1, (int) Math.ceil(requests * 0.95) - 1)], millis[requests - 1]);
    }

    /** Writes the school's records in batches; answers the ids of the visited pupils (the pages timed). */
    private static List<String> generate(JdbcTemplate jdbc, int pupils, int visits, Random random) {
        LocalDate today = EngineClock.today();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        for (int p = 0; p < pupils; p++) {
            String id = pupilId(p);
            rows.add(new Object[] {id, SCHOOL, "Bench", "Pupil " + p, Date.valueOf(LocalDate.of(2016, 1, 1).plusDays(p % 1500)),
                "Year " + (1 + p % 6), (p % 200 + 1) + " Synthetic Street", "Testton", "ZZ9 " + (p % 9) + "ZZ", p % 7 == 0, p % 31 == 0});
            contacts.add(new Object[] {id, "Parent of pupil " + p, "Mother", "07700 900" + String.format("%03d", p % 1000), 1});
            flush(jdbc, rows, """
                    INSERT INTO pupil (id, school_id, first_name, last_name, date_of_birth, year_group, address_line1, town,
                        postcode, vulnerable, known_to_social_care) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", false);
            flush(jdbc, contacts, "INSERT INTO contact (pupil_id, name, relationship, phone, priority) VALUES (?, ?, ?, ?, ?)", false);
        }
        flush(jdbc, rows, """
                INSERT INTO pupil (id, school_id, first_name, last_name, date_of_birth, year_group, address_line1, town,
                    postcode, vulnerable, known_to_social_care) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", true);
        flush(jdbc, contacts, "INSERT INTO contact (pupil_id, name, relationship, phone, priority) VALUES (?, ?, ?, ?, ?)", true);

        // Every visited child (one or two visits each) has had one absence case per visit, the latest open for one in ten.
        java.util.Set<String> visited = new java.util.LinkedHashSet<>();
        List<Object[]> visitRows = new ArrayList<>();
        List<Object[]> notes = new ArrayList<>();
        List<Object[]> caseRows = new ArrayList<>();
        List<Object[]> actions = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        List<Object[]> referrals = new ArrayList<>();
        String[] statuses = {"COMPLETED", "COMPLETED", "COMPLETED", "NO_ANSWER", "CANCELLED", "REQUESTED", "AUTHORISED", "PLANNED"};
        for (int v = 0; v < visits; v++) {
            // 7919 is prime and coprime with the pupil counts: every visit is to a different child.
            int p = (int) ((long) v * 7919 % pupils);
            String pupil = pupilId(p);
            visited.add(pupil);
            LocalDate opened = today.minusDays(3 + random.nextInt(60));
            Instant requested = opened.plusDays(2).atTime(9 + random.nextInt(6), random.nextInt(60)).atZone(EngineClock.SCHOOL_ZONE).toInstant();
            String status = statuses[v % statuses.length];
            boolean ended = !List.of("REQUESTED", "AUTHORISED", "PLANNED").contains(status);
            String reference = "HV-BEN-%06d".formatted(v + 1);
            visitRows.add(new Object[] {reference, SCHOOL, pupil, v % 4 == 0 ? "safeguarding" : "safe-and-well", status, "office",
                Timestamp.from(requested), ended ? Timestamp.from(requested.plus(2, ChronoUnit.HOURS)) : null});
            notes.add(new Object[] {reference, "OUTCOME", "Synthetic outcome note for visit " + reference, "visitor1",
                Timestamp.from(requested.plus(3, ChronoUnit.HOURS))});
            if (v % 5 == 0) {
                notes.add(new Object[] {reference, "SAFEGUARDING", "Synthetic safeguarding note for visit " + reference, "dsl",
                    Timestamp.from(requested.plus(4, ChronoUnit.HOURS))});
            }
            String caseRef = "AC-" + pupil + "-" + opened + "-" + v;
            boolean open = v % 10 == 0;
            caseRows.add(new Object[] {caseRef, pupil, SCHOOL, open ? pupil : null, Date.valueOf(opened),
                open ? null : Date.valueOf(opened.plusDays(4)), open ? null : "seen on a home visit"});
            actions.add(new Object[] {caseRef, "CONTACT_ATTEMPTS@" + opened, "CONTACT_ATTEMPTS", Date.valueOf(opened), "Day 1, no reason given", null});
            actions.add(new Object[] {caseRef, "SAFE_AND_WELL_VISIT", "SAFE_AND_WELL_VISIT", Date.valueOf(opened.plusDays(2)), "Day 3", reference});
            attempts.add(new Object[] {caseRef, "phone, text", false, "Synthetic: no answer", "office",
                Timestamp.from(opened.atTime(10, 15).atZone(EngineClock.SCHOOL_ZONE).toInstant())});
            attempts.add(new Object[] {caseRef, "phone", v % 2 == 0, "Synthetic: second call", "office",
                Timestamp.from(opened.plusDays(1).atTime(11, 0).atZone(EngineClock.SCHOOL_ZONE).toInstant())});
            if (v % 10 == 3) {
                referrals.add(new Object[] {caseRef, "DSL_REVIEW", "safeguarding-referral", "Synthetic children's services",
                    "Synthetic referral summary", "dsl", Timestamp.from(requested.plus(1, ChronoUnit.DAYS))});
            }
            flushVisits(jdbc, visitRows, notes, caseRows, actions, attempts, referrals, false);
        }
        flushVisits(jdbc, visitRows, notes, caseRows, actions, attempts, referrals, true);

        // Ten weeks of register for the visited children, and today's for everyone (as the morning import leaves it).
        List<Object[]> marks = new ArrayList<>();
        String sql = "INSERT INTO attendance_mark (pupil_id, session_date, session, school_id, code, category, seen, import_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0)";
        for (String pupil : visited) {
            for (LocalDate day = today.minusWeeks(10); day.isBefore(today); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                boolean absent = random.nextInt(10) < 2;
                marks.add(new Object[] {pupil, Date.valueOf(day), "AM", SCHOOL, absent ? "O" : "/", absent ? "U" : "P", !absent});
                marks.add(new Object[] {pupil, Date.valueOf(day), "PM", SCHOOL, absent ? "O" : "\\", absent ? "U" : "P", !absent});
                flush(jdbc, marks, sql, false);
            }
        }
        for (int p = 0; p < pupils; p++) {
            marks.add(new Object[] {pupilId(p), Date.valueOf(today), "AM", SCHOOL, p % 20 == 0 ? "O" : "/", p % 20 == 0 ? "U" : "P", p % 20 != 0});
            flush(jdbc, marks, sql, false);
        }
        flush(jdbc, marks, sql, true);
        return List.copyOf(visited);
    }

    private static void flushVisits(JdbcTemplate jdbc, List<Object[]> visits, List<Object[]> notes, List<Object[]> cases,
            List<Object[]> actions, List<Object[]> attempts, List<Object[]> referrals, boolean all) {
        if (!all && visits.size() < 1_000) {
            return;
        }
        flush(jdbc, visits, """
                INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", true);
        flush(jdbc, notes, "INSERT INTO visit_note (visit_reference, kind, body, author, created_at) VALUES (?, ?, ?, ?, ?)", true);
        flush(jdbc, cases, """
                INSERT INTO absence_case (reference, pupil_id, school_id, open_pupil_id, opened_on, closed_on, close_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", true);
        flush(jdbc, actions, """
                INSERT INTO absence_action (case_reference, action_key, action, due_on, reason, visit_reference)
                VALUES (?, ?, ?, ?, ?, ?)""", true);
        flush(jdbc, attempts, """
                INSERT INTO absence_contact_attempt (case_reference, methods, reached, notes, attempted_by, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?)""", true);
        flush(jdbc, referrals, """
                INSERT INTO absence_referral (case_reference, kind, decision, sent_to, summary, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", true);
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> rows, String sql, boolean all) {
        if (rows.isEmpty() || (!all && rows.size() < 5_000)) {
            return;
        }
        jdbc.batchUpdate(sql, rows);
        rows.clear();
    }

    private static String pupilId(int p) {
        return "BENCH%07d".formatted(p);
    }

    private static String loadAverage() {
        return String.format(Locale.UK, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
