package org.doorstep.safety;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.DoorstepApplication;
import org.doorstep.visit.VisitDeparted;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alert latency benchmark (a command, not a test: tools/alert-latency-benchmark.sh). Puts 1,000
 * visits in progress on the real job executor, lets every one of them miss its check-in, and
 * reports how late each "Call the visiting staff" task appeared after the check-in's due moment:
 * p50, p99 and max, after a warm-up round (-Dwarmup, 50 visits) whose figures are printed apart.
 * Extra arguments are Spring properties, e.g. other job-executor settings.
 */
public final class AlertLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int visits = Integer.getInteger("visits", 1000);
        int warmUp = Integer.getInteger("warmup", 50);
        Duration interval = Duration.parse(System.getProperty("interval", "PT3M"));
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=demo,postgres",
                "--server.port=0",
                "--camunda.bpm.process-engine-name=benchmark",
                "--doorstep.safety.email-alerts=false",
                "--logging.level.org.doorstep.notification.LoggingSmsGateway=warn"));
        arguments.addAll(List.of(args));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET).run(arguments.toArray(String[]::new))) {
            // Like the baseline, time a warm JVM: the first alerts of a JVM pay for loading and compiling the
            // alert path. The warm-up round's figures are printed too, as what the first alerts after a restart cost.
            if (warmUp > 0) {
                List<Alert> cold = round(app, "HV-W", warmUp, Duration.ofSeconds(20));
                System.out.printf(Locale.UK, "Warm-up: %d visits, check-in every PT20S: %d alerts, slowest %.2f s (not counted below)%n",
                        warmUp, cold.size(), cold.stream().mapToLong(Alert::latencyMillis).max().orElse(0) / 1000.0);
            }
            List<Alert> alerts = round(app, "HV-B", visits, interval);
            List<Long> latencies = sorted(alerts.stream().map(Alert::latencyMillis).toList());
            Environment env = app.getEnvironment();
            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.UK, "%n==== Alert latency: %d visits, check-in every %s, %d alerts of %d ====%n",
                    visits, interval, latencies.size(), visits));
            if (!latencies.isEmpty()) {
                report.append(String.format(Locale.UK, "p50 %.2f s   p99 %.2f s   max %.2f s   min %.2f s%n", percentile(latencies, 50),
                        percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1000.0, latencies.get(0) / 1000.0));
                List<Alert> fired = alerts.stream().filter(a -> a.fired() != null).toList();
                List<Long> waiting = sorted(fired.stream().map(a -> Duration.between(a.due(), a.fired()).toMillis()).toList());
                List<Long> working = sorted(fired.stream().map(a -> Duration.between(a.fired(), a.created()).toMillis()).toList());
                if (!fired.isEmpty()) {
                    report.append(String.format(Locale.UK, "due -> timer fired (job acquisition): p50 %.3f s  p99 %.3f s  max %.3f s%n",
                            percentile(waiting, 50), percentile(waiting, 99), waiting.get(waiting.size() - 1) / 1000.0));
                    report.append(String.format(Locale.UK, "timer fired -> task (Doorstep's transaction): p50 %.3f s  p99 %.3f s  max %.3f s%n",
                            percentile(working, 50), percentile(working, 99), working.get(working.size() - 1) / 1000.0));
                }
                // Where the slowest sit in the run: the first alerts of a JVM pay for compiling the alert path.
                Instant first = alerts.stream().map(Alert::due).min(Instant::compareTo).orElseThrow();
                report.append("slowest five (latency at seconds after the first due moment):");
                alerts.stream().sorted(Comparator.comparingLong(Alert::latencyMillis).reversed()).limit(5)
                        .forEach(a -> report.append(String.format(Locale.UK, " %.2f s at +%.1f s;",
                                Duration.between(a.due(), a.created()).toMillis() / 1000.0,
                                Duration.between(first, a.due()).toMillis() / 1000.0)));
                report.append('\n');
            }
            report.append("database: ").append(env.getProperty("spring.datasource.url")).append('\n');
            for (String key : List.of("wait-time-in-millis", "max-wait", "max-jobs-per-acquisition", "core-pool-size",
                    "max-pool-size", "queue-capacity", "lock-time-in-millis", "backoff-time-in-millis")) {
                report.append("camunda.bpm.job-execution.").append(key).append(" = ")
                        .append(env.getProperty("camunda.bpm.job-execution." + key, "(default)")).append('\n');
            }
            report.append("jobExecutorAcquireByDueDate = ")
                    .append(env.getProperty("camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date",
                            env.getProperty("camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate", "(default)")))
                    .append('\n');
            report.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                    .append(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getTotalMemorySize() / (1024 * 1024 * 1024)).append(" GiB, Java ")
                    .append(System.getProperty("java.version")).append('\n');
            System.out.println(report);
        }
    }

    private record Alert(Instant due, Instant fired, Instant created) {

        long latencyMillis() {
            return Duration.between(due, created).toMillis();
        }
    }

    /** Puts {@code visits} visits out, arrived, lets every one miss its next check-in and returns each alert's times. */
    private static List<Alert> round(ConfigurableApplicationContext app, String kind, int visits, Duration interval)
            throws InterruptedException {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        CheckIns checkIns = app.getBean(CheckIns.class);
        TaskService tasks = app.getBean(TaskService.class);
        String prefix = kind + (System.currentTimeMillis() / 1000 % 100000) + "-";

        Instant setupStarted = Instant.now();
        for (int i = 1; i <= visits; i++) {
            String reference = prefix + String.format("%05d", i);
            jdbc.sql("INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at) VALUES (?, ?, ?, 'attendance', 'OUT', 'office', ?)")
                    .params(reference, SafetyScenario.SCHOOL, SafetyScenario.PUPIL, Timestamp.from(Instant.now())).update();
            app.publishEvent(new VisitDeparted(reference, SafetyScenario.SCHOOL, SafetyScenario.PUPIL,
                    List.of("visitor1", "visitor2"), SafetyScenario.people(List.of("visitor1", "visitor2")),
                    "12 Test Street, Exampleton", "Car", null, Instant.now().plus(Duration.ofHours(2)),
                    interval, "office"));
            checkIns.checkIn(reference, CheckInType.ARRIVED, "visitor1", false, null);
            if (i % 100 == 0) {
                System.out.printf("%d visits out and arrived (%ds)%n", i, Duration.between(setupStarted, Instant.now()).toSeconds());
            }
        }
        Duration setup = Duration.between(setupStarted, Instant.now());
        System.out.printf("All %d visits in progress after %ds; check-ins fall due from %s on%n", visits, setup.toSeconds(),
                setupStarted.plus(interval));

        Instant giveUp = Instant.now().plus(interval).plus(Duration.ofMinutes(3));
        long alerted = 0;
        while (Instant.now().isBefore(giveUp)) {
            alerted = tasks.createTaskQuery().taskDefinitionKey(StaffSafetyProcess.Elements.OVERDUE_STEP)
                    .processInstanceBusinessKeyLike(prefix + "%").count();
            if (alerted >= visits) {
                break;
            }
            Thread.sleep(1000);
        }
        // Per alert: the check-in's due moment, when the engine fired its timer (the timer event's end in
        // history) and when the task appeared: waiting for job acquisition against Doorstep's own work.
        return jdbc.sql("""
                SELECT w.next_check_in_due_at AS due, fired.end_time_ AS fired, t.create_time_ AS created
                FROM safety_watch w
                JOIN act_ru_execution e ON e.business_key_ = w.visit_reference AND e.id_ = e.proc_inst_id_
                JOIN act_ru_task t ON t.proc_inst_id_ = e.id_ AND t.task_def_key_ = ?
                LEFT JOIN act_hi_actinst fired ON fired.proc_inst_id_ = e.id_ AND fired.act_id_ = ?
                WHERE w.visit_reference LIKE ?""")
                .params(StaffSafetyProcess.Elements.OVERDUE_STEP, StaffSafetyProcess.Elements.CHECK_IN_MISSED, prefix + "%")
                .query((rs, row) -> new Alert(rs.getTimestamp("due").toInstant(),
                        rs.getTimestamp("fired") == null ? null : rs.getTimestamp("fired").toInstant(),
                        rs.getTimestamp("created").toInstant()))
                .list();
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        copy.sort(Long::compare);
        return copy;
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private AlertLatencyBenchmark() {
    }
}
