package org.doorstep.safety;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * p50, p99 and max. Extra arguments are Spring properties, e.g. other job-executor settings.
 */
public final class AlertLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int visits = Integer.getInteger("visits", 1000);
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
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            CheckIns checkIns = app.getBean(CheckIns.class);
            TaskService tasks = app.getBean(TaskService.class);
            String prefix = "HV-B" + (System.currentTimeMillis() / 1000 % 100000) + "-";

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
            List<Long> latencies = new ArrayList<>(jdbc.sql("""
                    SELECT w.next_check_in_due_at AS due, t.create_time_ AS created
                    FROM safety_watch w
                    JOIN act_ru_execution e ON e.business_key_ = w.visit_reference AND e.id_ = e.proc_inst_id_
                    JOIN act_ru_task t ON t.proc_inst_id_ = e.id_ AND t.task_def_key_ = ?
                    WHERE w.visit_reference LIKE ?""")
                    .params(StaffSafetyProcess.Elements.OVERDUE_STEP, prefix + "%")
                    .query((rs, row) -> rs.getTimestamp("created").getTime() - rs.getTimestamp("due").getTime()).list());
            latencies.sort(Long::compare);
            Environment env = app.getEnvironment();
            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.UK, "%n==== Alert latency: %d visits, check-in every %s, %d alerts of %d ====%n",
                    visits, interval, latencies.size(), visits));
            if (!latencies.isEmpty()) {
                report.append(String.format(Locale.UK, "p50 %.2f s   p99 %.2f s   max %.2f s   min %.2f s%n", percentile(latencies, 50),
                        percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1000.0, latencies.get(0) / 1000.0));
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

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private AlertLatencyBenchmark() {
    }
}
