package org.doorstep.safety;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.doorstep.DoorstepApplication;
import org.doorstep.visit.VisitDeparted;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-node reliability run (a command, not a test: tools/reliability-two-nodes.sh). Starts two
 * Doorstep nodes on one PostgreSQL database and an SMTP sink, puts visits in progress whose check-in
 * timers all fall due at one moment T, and measures how late each "Call the visiting staff" alert and
 * its e-mail came: once with both nodes up, once with one node killed (SIGKILL) just after T. A round
 * between them spreads the same number of missed check-ins over a minute, as they come in ordinary
 * use: a burst of hundreds in one second measures the machine's throughput, not the alerts' delay. Prints
 * alerts, duplicate alert tasks, lost and duplicate e-mails, and lateness p50/p99/max.
 *
 * <p>This JVM also runs Doorstep itself, with the job executor and the outbox poller off, to create
 * the schema, the demo users and the visits; the two nodes do all the work.
 */
public final class TwoNodeReliabilityBenchmark {

    private static final int VISITS = Integer.getInteger("visits", 200);
    private static final int[] NODE_PORTS = {Integer.getInteger("node1.port", 18141), Integer.getInteger("node2.port", 18142)};
    private static final int SMTP_PORT = Integer.getInteger("smtp.port", 18143);
    private static final Duration KILL_AFTER = Duration.ofMillis(Long.getLong("kill.after.ms", 1000));
    private static final Duration SPREAD = Duration.ofSeconds(Long.getLong("spread.seconds", 60));
    private static final Path OUT = Path.of(System.getProperty("out", "target/reliability"));
    /** Extra Spring arguments for both nodes, e.g. -Dnode.args="--camunda.bpm.job-execution.queue-capacity=16". */
    private static final String NODE_ARGS = System.getProperty("node.args", "");
    private static final String CALL_STAFF = StaffSafetyProcess.Elements.OVERDUE_STEP;

    private final Process[] nodes = new Process[2];
    private final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final Map<Integer, Instant> received = new HashMap<>();
    private ConfigurableApplicationContext setup;
    private JdbcClient jdbc;

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        TwoNodeReliabilityBenchmark run = new TwoNodeReliabilityBenchmark();
        Runtime.getRuntime().addShutdownHook(new Thread(run::stopEverything));
        int exit = 1;
        try {
            exit = run.run() ? 0 : 2;
        } finally {
            run.stopEverything();
        }
        System.exit(exit);
    }

    private boolean run() throws Exception {
        smtp.start();
        setup = new SpringApplicationBuilder(DoorstepApplication.class).web(WebApplicationType.SERVLET).run(
                "--spring.profiles.active=demo,postgres", "--server.port=0", "--camunda.bpm.process-engine-name=setup",
                "--camunda.bpm.job-execution.enabled=false", "--doorstep.outbox.poller.enabled=false");
        jdbc = setup.getBean(JdbcClient.class);
        log("schema and demo data ready; starting node 1 (:" + NODE_PORTS[0] + ") and node 2 (:" + NODE_PORTS[1] + ")");
        // One after the other: two engines booting at the same instant race on the administrators'
        // authorizations, and one of them fails to start (OptimisticLockingException, seen here).
        startNode(0);
        awaitUp(0);
        startNode(1);
        awaitUp(1);

        Result calm = round("A", false, Duration.ZERO);
        Result spread = round("B", false, SPREAD);
        Result killed = round("C", true, Duration.ZERO);
        String report = "\n==== Two-node reliability run, " + VISITS + " check-ins per round ====\n"
                + (NODE_ARGS.isBlank() ? "" : "node arguments: " + NODE_ARGS + "\n")
                + calm + spread + killed + "\n" + jobsRunTwice() + machine();
        System.out.println(report);
        Files.writeString(OUT.resolve("summary.txt"), report);
        return calm.ok() && spread.ok() && killed.ok();
    }

    private Result round(String name, boolean kill, Duration spread) throws Exception {
        String prefix = "HV-R" + name + (System.currentTimeMillis() / 1000 % 10000) + "-";
        CheckIns checkIns = setup.getBean(CheckIns.class);
        Instant started = Instant.now();
        for (int i = 1; i <= VISITS; i++) {
            String reference = prefix + String.format("%04d", i);
            jdbc.sql("INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at) VALUES (?, ?, ?, 'attendance', 'OUT', 'office', ?)")
                    .params(reference, SafetyScenario.SCHOOL, SafetyScenario.PUPIL, Timestamp.from(Instant.now())).update();
            setup.publishEvent(new VisitDeparted(reference, SafetyScenario.SCHOOL, SafetyScenario.PUPIL, List.of("visitor1", "visitor2"),
                    SafetyScenario.people(List.of("visitor1", "visitor2")),
                    "12 Test Street, Exampleton", "Car", null, Instant.now().plus(Duration.ofHours(3)), Duration.ofMinutes(30), "office"));
            checkIns.checkIn(reference, CheckInType.ARRIVED, "visitor1", false, null);
        }
        log("round " + name + ": " + VISITS + " visits in progress after " + Duration.between(started, Instant.now()).toSeconds()
                + " s; the nodes now fire their reminders");
        // The check-in timer exists once the reminder before it has fired: bring the reminders forward.
        ManagementService management = setup.getBean(ManagementService.class);
        jobs(prefix, StaffSafetyProcess.Elements.REMINDER_DUE).forEach(job -> management.setJobDuedate(job, new Date()));
        awaitCount(() -> jobs(prefix, StaffSafetyProcess.Elements.CHECK_IN_MISSED).size(), VISITS, Duration.ofMinutes(3), "check-in timers");

        Instant due = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Each visit's check-in falls due at T, or, over a spread, at evenly spaced moments from T on.
        Map<String, Instant> dueAt = new HashMap<>();
        List<Map.Entry<String, String>> timers = timers(prefix);
        for (int i = 0; i < timers.size(); i++) {
            Instant moment = due.plus(spread.multipliedBy(i).dividedBy(Math.max(1, timers.size())));
            management.setJobDuedate(timers.get(i).getKey(), Date.from(moment));
            dueAt.put(timers.get(i).getValue(), moment);
        }
        log("round " + name + ": " + (spread.isZero() ? "every check-in falls due at " + due : "check-ins fall due from " + due
                + " over " + spread.toSeconds() + " s") + (kill ? "; node 2 is killed " + KILL_AFTER.toMillis() + " ms later" : ""));
        String atKill = "";
        if (kill) {
            sleepUntil(due.plus(KILL_AFTER));
            nodes[1].destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup, locks stay
            Instant killedAt = Instant.now();
            long tasks = alertTasks(prefix).size();
            long locked = jdbc.sql("""
                    SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
                    WHERE e.business_key_ LIKE ? AND j.lock_owner_ IS NOT NULL""").param(prefix + "%").query(Long.class).single();
            atKill = String.format(Locale.UK, "  killed node 2 at T+%.2f s: %d alerts already created, %d jobs locked (by either node)%n",
                    Duration.between(due, killedAt).toMillis() / 1000.0, tasks, locked);
            log(atKill.trim());
        }
        Instant giveUp = due.plus(spread).plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(giveUp) && (alertTasks(prefix).size() < VISITS || emailsFor(prefix).size() < VISITS)) {
            collectMail();
            Thread.sleep(100);
        }
        collectMail();
        Thread.sleep(3000); // anything still arriving now would be a duplicate
        collectMail();
        return measure(name, kill, spread, prefix, dueAt, atKill);
    }

    private Result measure(String name, boolean kill, Duration spread, String prefix, Map<String, Instant> dueAt, String atKill) {
        Map<String, List<Instant>> tasks = alertTasks(prefix);
        List<Long> alertLateness = new ArrayList<>();
        int duplicateTasks = 0;
        tasks.forEach((reference, created) -> alertLateness.add(
                Duration.between(dueAt.get(reference), created.stream().min(Instant::compareTo).orElseThrow()).toMillis()));
        for (List<Instant> created : tasks.values()) {
            duplicateTasks += created.size() - 1;
        }
        List<OutboxRow> expected = jdbc.sql("""
                SELECT visit_reference, recipient, status FROM notification_outbox
                WHERE visit_reference LIKE ? AND channel = 'EMAIL' AND subject LIKE 'Doorstep safety: Call the visiting staff%'""")
                .param(prefix + "%").query(OutboxRow.class).list();
        Map<String, List<Instant>> mails = emailsFor(prefix);
        int lost = 0;
        int duplicateMails = 0;
        List<Long> mailLateness = new ArrayList<>();
        for (OutboxRow row : expected) {
            List<Instant> got = mails.getOrDefault(row.visitReference() + " " + row.recipient(), List.of());
            if (got.isEmpty()) {
                lost++;
            } else {
                duplicateMails += got.size() - 1;
                mailLateness.add(Duration.between(dueAt.get(row.visitReference()), got.get(0)).toMillis());
            }
        }
        int missingAlerts = VISITS - tasks.size();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.UK, "%nRound %s: %s%n", name, kill ? "all due at one moment; node 2 killed (SIGKILL) during the firing, not restarted"
                : spread.isZero() ? "all due at one moment; both nodes up"
                : "due one after another over " + spread.toSeconds() + " s; both nodes up"));
        text.append(atKill);
        text.append(String.format(Locale.UK, "  alerts (Call the visiting staff tasks): %d of %d; duplicate alert tasks: %d%n",
                tasks.size(), VISITS, duplicateTasks));
        text.append(String.format(Locale.UK, "  alert e-mails queued: %d; delivered: %d; lost: %d; delivered twice: %d%n",
                expected.size(), expected.size() - lost, lost, duplicateMails));
        text.append("  alert lateness (task created - due): ").append(percentiles(alertLateness)).append('\n');
        text.append("  e-mail lateness (received - due):    ").append(percentiles(mailLateness)).append('\n');
        boolean ok = missingAlerts == 0 && duplicateTasks == 0 && lost == 0 && expected.size() >= VISITS;
        return new Result(text.toString(), ok);
    }

    /** A job whose lock ran out while it still waited in a node's queue is run by the other node too; one of them rolls back. */
    private String jobsRunTwice() throws java.io.IOException {
        long count = 0;
        for (int node = 1; node <= 2; node++) {
            try (var lines = Files.lines(OUT.resolve("node" + node + ".log"))) {
                count += lines.filter(line -> line.contains("ENGINE-14006") && line.contains("OptimisticLockingException")).count();
            }
        }
        return "jobs rolled back because another node ran them too (lock expired first): " + count + "\n";
    }

    private Map<String, List<Instant>> alertTasks(String prefix) {
        Map<String, List<Instant>> tasks = new HashMap<>();
        jdbc.sql("""
                SELECT e.business_key_ AS reference, t.start_time_ AS created FROM act_hi_taskinst t
                JOIN act_hi_procinst e ON e.id_ = t.proc_inst_id_
                WHERE t.task_def_key_ = ? AND e.business_key_ LIKE ?""").params(CALL_STAFF, prefix + "%")
                .query((rs, row) -> Map.entry(rs.getString("reference"), rs.getTimestamp("created").toInstant())).list()
                .forEach(entry -> tasks.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        return tasks;
    }

    /** E-mails received, by "visit recipient", with the moment each copy arrived. */
    private Map<String, List<Instant>> emailsFor(String prefix) {
        Map<String, List<Instant>> mails = new HashMap<>();
        MimeMessage[] messages = smtp.getReceivedMessages();
        for (int i = 0; i < messages.length; i++) {
            try {
                String subject = messages[i].getSubject();
                int at = subject.indexOf(prefix);
                if (at >= 0) {
                    String reference = subject.substring(at, subject.indexOf(')', at));
                    String key = reference + " " + messages[i].getAllRecipients()[0];
                    mails.computeIfAbsent(key, k -> new ArrayList<>()).add(received.getOrDefault(i, Instant.now()));
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private void collectMail() {
        int count = smtp.getReceivedMessages().length;
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            received.putIfAbsent(i, now);
        }
    }

    /** The check-in timers of the round, as job id and visit reference, in reference order. */
    private List<Map.Entry<String, String>> timers(String prefix) {
        return jdbc.sql("""
                SELECT j.id_, e.business_key_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
                WHERE d.act_id_ = ? AND e.business_key_ LIKE ? ORDER BY e.business_key_""")
                .params(StaffSafetyProcess.Elements.CHECK_IN_MISSED, prefix + "%")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list();
    }

    private List<String> jobs(String prefix, String activity) {
        return jdbc.sql("""
                SELECT j.id_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
                WHERE d.act_id_ = ? AND e.business_key_ LIKE ?""").params(activity, prefix + "%").query(String.class).list();
    }

    private void startNode(int index) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = OUT.resolve("node" + (index + 1) + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                DoorstepApplication.class.getName(),
                "--spring.profiles.active=demo,postgres",
                "--server.port=" + NODE_PORTS[index],
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
                "--doorstep.outbox.node-id=node" + (index + 1),
                "--logging.level.org.doorstep.notification.LoggingSmsGateway=warn"));
        if (!NODE_ARGS.isBlank()) {
            command.addAll(List.of(NODE_ARGS.trim().split("\\s+")));
        }
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        nodes[index] = node;
        Files.writeString(OUT.resolve("node" + (index + 1) + ".pid"), Long.toString(node.pid()));
    }

    private void awaitUp(int index) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(giveUp)) {
            if (!nodes[index].isAlive()) {
                throw new IllegalStateException("node " + (index + 1) + " stopped; see " + OUT.resolve("node" + (index + 1) + ".log"));
            }
            try {
                HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + NODE_PORTS[index] + "/login"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (login.statusCode() == 200) {
                    log("node " + (index + 1) + " is up");
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("node " + (index + 1) + " did not start within 4 minutes");
    }

    private static void awaitCount(java.util.function.IntSupplier count, int target, Duration limit, String what) throws Exception {
        Instant giveUp = Instant.now().plus(limit);
        while (count.getAsInt() < target) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("only " + count.getAsInt() + " of " + target + " " + what + " after " + limit);
            }
            Thread.sleep(500);
        }
    }

    private synchronized void stopEverything() {
        for (int i = 0; i < nodes.length; i++) {
            Process node = nodes[i];
            if (node != null && node.isAlive()) {
                node.destroy();
                try {
                    if (!node.waitFor(20, TimeUnit.SECONDS)) {
                        node.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    node.destroyForcibly();
                }
            }
            nodes[i] = null;
        }
        if (setup != null && setup.isActive()) {
            setup.close();
        }
        smtp.stop();
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long wait = Duration.between(Instant.now(), moment).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static String percentiles(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(Long::compare);
        return String.format(Locale.UK, "p50 %.2f s   p99 %.2f s   max %.2f s   (min %.2f s, n=%d)", at(sorted, 50), at(sorted, 99),
                sorted.get(sorted.size() - 1) / 1000.0, sorted.get(0) / 1000.0, sorted.size());
    }

    private static double at(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    private static String machine() {
        return String.format(Locale.UK, "%nmachine: %d cores, %d GiB, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / (1L << 30),
                System.getProperty("java.version"), String.format(Locale.UK, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static void log(String message) {
        System.out.println(Instant.now() + "  " + message);
    }

    record OutboxRow(String visitReference, String recipient, String status) {
    }

    record Result(String text, boolean ok) {
        @Override
        public String toString() {
            return text;
        }
    }

    private TwoNodeReliabilityBenchmark() {
    }
}
