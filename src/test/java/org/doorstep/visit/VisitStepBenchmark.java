package org.doorstep.visit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: the home visit's first step, as the API takes it, measured per visit (tools/visit-step-benchmark.sh,
 * docs/benchmarks.md). On one thread, visitor1 requests a visit through {@link VisitService} for one of Thames
 * View's demo pupils, as the API does, then head, signed in to the engine with their groups and school as engine-rest
 * signs them in, finds its first user task (Authorise the visit) and completes it with approval:
 * the same unit of work as the bare engine's start + find task + complete. Extra arguments are Spring properties
 * (e.g. {@code --camunda.bpm.history-level=audit}).
 */
public final class VisitStepBenchmark {

    static final int WARM_UP = Integer.getInteger("bench.warmUp", 200);
    static final int VISITS = Integer.getInteger("bench.visits", 500);
    static final String SCHOOL = "thames-view-junior";
    static final String VISITOR = "visitor1";
    static final String AUTHORISER = "head";

    public static void main(String[] args) {
        String url = System.getenv().getOrDefault("DOORSTEP_DB_URL", "");
        List<String> arguments = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                "--doorstep.security.initial-admin.username=benchadmin",
                "--doorstep.security.initial-admin.password=benchmark-only-password",
                "--logging.level.root=warn"));
        arguments.addAll(List.of(args));
        // test: job executor and schedules off; demo: Thames View, its pupils and users; postgres: DOORSTEP_DB_URL.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles(url.startsWith("jdbc:postgresql") ? new String[] {"test", "demo", "postgres"} : new String[] {"test", "demo"})
                .run(arguments.toArray(String[]::new));
        try {
            run(context);
        } finally {
            context.close();
        }
    }

    private static void run(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        VisitService visits = context.getBean(VisitService.class);
        TaskService tasks = context.getBean(TaskService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        List<String> pupils = jdbc.sql("SELECT id FROM pupil WHERE school_id = ? ORDER BY id").param(SCHOOL).query(String.class).list();
        if (pupils.isEmpty()) {
            throw new IllegalStateException("No demo pupils at " + SCHOOL + ": the demo profile did not seed the database");
        }
        Step step = new Step(visits, tasks, identity, pupils);
        step.run(WARM_UP);

        long inserted = rowsInserted(jdbc);
        Map<String, Long> insertedByTable = rowsInsertedByTable(jdbc);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = allThreadsCpu(threads);
        long started = System.nanoTime();
        double[] millis = step.run(VISITS);
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuMillis = (allThreadsCpu(threads) - cpuBefore) / 1e6 / VISITS;
        long insertedAfter = rowsInserted(jdbc);
        Map<String, Long> insertedByTableAfter = rowsInsertedByTable(jdbc);
        Set<String> timed = new HashSet<>(step.instances.subList(WARM_UP, WARM_UP + VISITS));
        Arrays.sort(millis);

        System.out.println("==================================================================");
        System.out.println("== The home visit's first step: request a visit (VisitService) + find 'Authorise the visit' + complete it approved");
        System.out.printf(Locale.UK, "Database: %s; history level %s; %d cores, max heap %d MiB%n",
                context.getEnvironment().getProperty("spring.datasource.url"),
                context.getEnvironment().getProperty("camunda.bpm.history-level"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.UK, "%d visits after %d to warm up, one thread, in %.2f s = %.0f/s%n", VISITS, WARM_UP, wall,
                VISITS / wall);
        System.out.printf(Locale.UK, "Per visit: median %.1f ms, p95 %.1f ms, max %.1f ms; JVM CPU %.1f ms (all threads; database CPU not counted)%n",
                millis[VISITS / 2], millis[(int) Math.ceil(VISITS * 0.95) - 1], millis[VISITS - 1], cpuMillis);
        System.out.printf(Locale.UK, "Per visit: process variables %.1f (ACT_RU_VARIABLE), history rows ACT_HI_VARINST %.1f, ACT_HI_DETAIL %.1f%n",
                rowsPerVisit(jdbc, "ACT_RU_VARIABLE", timed), rowsPerVisit(jdbc, "ACT_HI_VARINST", timed),
                rowsPerVisit(jdbc, "ACT_HI_DETAIL", timed));
        if (inserted >= 0) {
            System.out.printf(Locale.UK, "Per visit: rows inserted into all tables %.1f (pg_stat_user_tables, engine and Doorstep)%n",
                    (double) (insertedAfter - inserted) / VISITS);
            StringBuilder tables = new StringBuilder();
            insertedByTableAfter.entrySet().stream()
                    .map(table -> Map.entry(table.getKey(), table.getValue() - insertedByTable.getOrDefault(table.getKey(), 0L)))
                    .filter(table -> table.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(table -> tables.append(String.format(Locale.UK, " %s %.1f", table.getKey(), (double) table.getValue() / VISITS)));
            System.out.println("  of which, by table:" + tables);
        }
        System.out.println("==================================================================");
    }

    /** One visit after another, as one member of staff and one authoriser would; remembers each instance's id. */
    private static final class Step {

        private final VisitService visits;
        private final TaskService tasks;
        private final IdentityService identity;
        private final List<String> pupils;
        private final List<String> instances = new ArrayList<>();
        private final Map<String, Authentication> signedIn = new HashMap<>();

        Step(VisitService visits, TaskService tasks, IdentityService identity, List<String> pupils) {
            this.visits = visits;
            this.tasks = tasks;
            this.identity = identity;
            this.pupils = pupils;
        }

        double[] run(int count) {
            double[] millis = new double[count];
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                // The API (/api/visits) checks the requester with Spring Security and calls the service with nobody
                // signed in to the engine; completing the task goes through engine-rest, signed in as the authoriser.
                String id = visits.requestVisit(pupils.get(instances.size() % pupils.size()), "attendance", VISITOR).getId();
                signIn(AUTHORISER);
                Task task = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(HomeVisitProcess.Elements.AUTHORISE)
                        .singleResult();
                tasks.complete(task.getId(), HomeVisitProcess.Variables.AUTHORISATION_DECISION.putInto(new HashMap<>(), "approved"));
                identity.clearAuthentication();
                millis[i] = (System.nanoTime() - start) / 1e6;
                instances.add(id);
            }
            return millis;
        }

        /**
         * As engine-rest signs in a user of a session: their groups and schools (tenants), looked up once, as at
         * sign-in, so the timed step holds only the visit's own work.
         */
        private void signIn(String user) {
            identity.setAuthentication(signedIn.computeIfAbsent(user, id -> new Authentication(id,
                    identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList(),
                    identity.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream()
                            .map(Tenant::getId).toList())));
        }
    }

    private static long allThreadsCpu(ThreadMXBean threads) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            total += Math.max(0, cpu);
        }
        return total;
    }

    private static double rowsPerVisit(JdbcClient jdbc, String table, Set<String> instances) {
        long rows = jdbc.sql("SELECT PROC_INST_ID_, COUNT(*) FROM " + table + " WHERE PROC_INST_ID_ IS NOT NULL GROUP BY PROC_INST_ID_")
                .query((rs, n) -> instances.contains(rs.getString(1)) ? rs.getLong(2) : 0L).list().stream()
                .mapToLong(Long::longValue).sum();
        return (double) rows / instances.size();
    }

    /** Rows inserted so far into every table (PostgreSQL's statistics, which lag by up to a second); -1 elsewhere. */
    private static long rowsInserted(JdbcClient jdbc) {
        try {
            Thread.sleep(1500);
            jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleValue();
            return jdbc.sql("SELECT COALESCE(SUM(n_tup_ins), 0) FROM pg_stat_user_tables").query(Long.class).single();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (RuntimeException notPostgres) {
            return -1;
        }
    }

    private static Map<String, Long> rowsInsertedByTable(JdbcClient jdbc) {
        try {
            Map<String, Long> rows = new HashMap<>();
            jdbc.sql("SELECT relname, n_tup_ins FROM pg_stat_user_tables").query((rs, n) -> rows.put(rs.getString(1), rs.getLong(2))).list();
            return rows;
        } catch (RuntimeException notPostgres) {
            return Map.of();
        }
    }

    private VisitStepBenchmark() {
    }
}
