package org.doorstep.trigger;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepApplication;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: imports and evaluates one school day for 100,000 synthetic pupils (two sessions each)
 * and prints the figures. Run it against an empty database of its own: {@code tools/school-day-benchmark.sh}
 * (docs/benchmarks.md; {@code --small} for 1,000 pupils).
 *
 * The day is the first day of the autumn term, so there is no history: every absence is Day 1.
 * Mix (seeded): 93.5 % present (1 % late), 4 % ill (I), 0.5 % medical appointment in the morning
 * (M then present), 1.5 % reason not yet established (N), 0.3 % other unauthorised (O), 0.2 %
 * unauthorised holiday (G).
 */
public final class TriggerBenchmark {

    static final int PUPILS = Integer.getInteger("bench.pupils", 100_000);
    static final LocalDate DAY = LocalDate.of(2026, 9, 2);
    /** The re-import register: 100,000 rows over many days, as in the reliability probe. */
    static final int HISTORY_DAYS = Integer.getInteger("bench.historyDays", 1_000);
    static final int HISTORY_PUPILS = 50;

    public static void main(String[] args) {
        String url = System.getenv().getOrDefault("DOORSTEP_DB_URL", "");
        // The test profile: job executor and schedules off; demo: the users the test school's members are
        // (office, dsl, head); postgres: DOORSTEP_DB_URL and the postgres user.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles(url.startsWith("jdbc:postgresql") ? new String[] {"test", "demo", "postgres"} : new String[] {"test", "demo"})
                .run("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                        "--doorstep.security.initial-admin.username=benchadmin",
                        "--doorstep.security.initial-admin.password=benchmark-only-password",
                        "--logging.level.root=warn", "--logging.level.org.doorstep.trigger=info");
        try {
            run(context);
        } finally {
            context.close();
        }
    }

    private static void run(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        SchoolDirectory directory = context.getBean(SchoolDirectory.class);
        SchoolCalendar calendar = context.getBean(SchoolCalendar.class);
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM pupil WHERE school_id = ?", Integer.class,
                TriggerTestSupport.SCHOOL);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("The benchmark needs an empty database of its own (drop and create it first)");
        }
        String database = context.getEnvironment().getProperty("spring.datasource.url");
        long setupStart = System.nanoTime();
        TriggerTestSupport.ensureSchool(context.getBean(SchoolOnboarding.class), calendar, context.getBean(IdentityService.class));
        List<Object[]> pupils = new ArrayList<>(PUPILS);
        for (int i = 0; i < PUPILS; i++) {
            pupils.add(new Object[] {id(i), TriggerTestSupport.SCHOOL, "Bench", "Pupil " + i, i % 50 == 0});
        }
        for (int from = 0; from < pupils.size(); from += 5_000) {
            jdbc.batchUpdate("INSERT INTO pupil (id, school_id, first_name, last_name, vulnerable) VALUES (?, ?, ?, ?, ?)",
                    pupils.subList(from, Math.min(pupils.size(), from + 5_000)));
        }
        String csv = register();
        System.out.printf("Set-up (not timed): %,d pupils, register of %,d bytes, in %.1f s%n", PUPILS, csv.length(),
                seconds(setupStart));
        TriggerTestSupport.clockAt(DAY);
        try {
            AttendanceImport attendanceImport = context.getBean(AttendanceImport.class);
            AbsenceEvaluation evaluation = context.getBean(AbsenceEvaluation.class);

            long start = System.nanoTime();
            AttendanceImport.ImportReport imported = attendanceImport.importCsv(new StringReader(csv), "benchmark", "benchadmin");
            double importSeconds = seconds(start);
            ThreadCpu cpu = new ThreadCpu();
            long evaluationStart = System.nanoTime();
            AbsenceEvaluation.Report report = evaluation.evaluate(TriggerTestSupport.SCHOOL, DAY);
            double evaluationSeconds = seconds(evaluationStart);
            cpu.stop();
            double total = seconds(start);

            long againStart = System.nanoTime();
            AbsenceEvaluation.Report again = evaluation.evaluate(TriggerTestSupport.SCHOOL, DAY);
            double againSeconds = seconds(againStart);
            long instances = context.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processDefinitionKey(AbsenceCaseProcess.KEY).count();
            long variables = count(jdbc, "ACT_RU_VARIABLE");
            long historicVariables = count(jdbc, "ACT_HI_VARINST");
            long details = count(jdbc, "ACT_HI_DETAIL");

            System.out.println("==================================================================");
            System.out.printf("Database: %s, %d cores, max heap %d MiB%n", database, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("Import: %,d rows read, %,d added, %,d rejected%n", imported.rowsRead(), imported.added(),
                    imported.rejectedCount());
            System.out.printf("Evaluation: %s%n", report);
            System.out.printf("Import only (parse + store): %.2f s = %,.0f pupils/s%n", importSeconds, PUPILS / importSeconds);
            System.out.printf("Evaluation only (%,d absent pupils decided): %.2f s%n", report.pupilsAbsent(), evaluationSeconds);
            System.out.printf("Whole day (import + evaluation): %.2f s = %,.0f pupils/s; import is %.0f %% of it%n", total,
                    PUPILS / total, 100 * importSeconds / total);
            System.out.printf("Second run of the same day: %.2f s, %d cases opened, %d actions due (%d case instances in all)%n",
                    againSeconds, again.casesOpened(), again.actionsDue(), instances);
            int opened = Math.max(1, report.casesOpened());
            System.out.printf("JVM CPU per opened case (database CPU not counted, as the baseline's): acting threads %.1f ms;"
                    + " all Java threads over the whole evaluation (judging too) %.1f ms%n",
                    cpu.acting / 1e6 / opened, cpu.all / 1e6 / opened);
            System.out.printf("Process variables per case instance: %.1f in ACT_RU_VARIABLE, %.1f in ACT_HI_VARINST, %.1f in"
                    + " ACT_HI_DETAIL%n", (double) variables / Math.max(1, instances), (double) historicVariables / Math.max(1, instances),
                    (double) details / Math.max(1, instances));
            reImport(attendanceImport);
            System.out.println("==================================================================");
        } finally {
            ClockUtil.reset();
        }
    }

    /**
     * A long register (the probe's case: few pupils, many days) imported twice: the second import finds
     * every mark unchanged and must not be slower than the first.
     */
    private static void reImport(AttendanceImport attendanceImport) {
        StringBuilder csv = new StringBuilder(AttendanceImport.HEADER).append('\n');
        for (int day = 1; day <= HISTORY_DAYS; day++) {
            LocalDate date = DAY.minusDays(day);
            for (int i = 0; i < HISTORY_PUPILS; i++) {
                csv.append(id(i)).append(',').append(date).append(",AM,/\n");
                csv.append(id(i)).append(',').append(date).append(",PM,\\\n");
            }
        }
        long start = System.nanoTime();
        AttendanceImport.ImportReport first = attendanceImport.importCsv(new StringReader(csv.toString()), "benchmark", "benchadmin");
        double firstSeconds = seconds(start);
        start = System.nanoTime();
        AttendanceImport.ImportReport again = attendanceImport.importCsv(new StringReader(csv.toString()), "benchmark", "benchadmin");
        double againSeconds = seconds(start);
        System.out.printf("Register of %,d days for %d pupils (%,d rows): first import %.2f s (%,d added), same file again %.2f s"
                + " (%,d unchanged)%n", HISTORY_DAYS, HISTORY_PUPILS, first.rowsRead(), firstSeconds, first.added(), againSeconds,
                again.unchanged());
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }

    /**
     * CPU time of the JVM's threads while the evaluation runs, like the baseline's (which times its one thread),
     * so the database is not counted. The evaluation acts on a pool whose threads end before it returns, so every
     * thread is sampled every 10 ms and its last sample kept; "acting" is the pool's threads (AbsenceEvaluation.act).
     */
    private static final class ThreadCpu {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> before = sample();
        private final Map<Long, Long> last = new HashMap<>(before);
        private final Map<Long, String> names = new HashMap<>();
        private final Thread sampler = new Thread(this::sampleUntilStopped, "bench-cpu-sampler");
        private volatile boolean running = true;
        long acting;
        long all;

        ThreadCpu() {
            sampler.setDaemon(true);
            sampler.start();
        }

        private Map<Long, Long> sample() {
            Map<Long, Long> cpu = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                long nanos = threads.getThreadCpuTime(id);
                if (nanos >= 0) {
                    cpu.put(id, nanos);
                }
            }
            return cpu;
        }

        private void sampleUntilStopped() {
            while (running) {
                Map<Long, Long> now = sample();
                synchronized (last) {
                    last.putAll(now);
                    for (long id : now.keySet()) {
                        if (!names.containsKey(id)) {
                            ThreadInfo info = threads.getThreadInfo(id);
                            names.put(id, info == null ? "" : info.getThreadName());
                        }
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (last) {
                last.putAll(sample());
                long samplerId = sampler.getId();
                for (Map.Entry<Long, Long> thread : last.entrySet()) {
                    if (thread.getKey() == samplerId) {
                        continue;
                    }
                    long used = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
                    all += used;
                    if (names.getOrDefault(thread.getKey(), "").startsWith("pool-")) {
                        acting += used;
                    }
                }
            }
        }
    }

    private static String id(int i) {
        return "B" + String.format("%06d", i);
    }

    private static String register() {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(PUPILS * 40).append(AttendanceImport.HEADER).append('\n');
        for (int i = 0; i < PUPILS; i++) {
            double roll = random.nextDouble() * 100;
            String am;
            String pm;
            if (roll < 92.5) {
                am = "/";
                pm = "\\";
            } else if (roll < 93.5) {
                am = "L";
                pm = "\\";
            } else if (roll < 97.5) {
                am = "I";
                pm = "I";
            } else if (roll < 98.0) {
                am = "M";
                pm = "\\";
            } else if (roll < 99.5) {
                am = "N";
                pm = "N";
            } else if (roll < 99.8) {
                am = "O";
                pm = "O";
            } else {
                am = "G";
                pm = "G";
            }
            csv.append(id(i)).append(',').append(DAY).append(",AM,").append(am).append('\n');
            csv.append(id(i)).append(',').append(DAY).append(",PM,").append(pm).append('\n');
        }
        return csv.toString();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private TriggerBenchmark() {
    }
}
