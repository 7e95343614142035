import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.slf4j.LoggerFactory;

/**
 * The bare engine's floor, measured beside Doorstep's benchmarks (docs/benchmarks.md): plain Camunda API,
 * no Spring, no Doorstep, on the same kind of database. Each instance starts a one-user-task process, finds
 * its task and completes it, with full history like Doorstep. Run by tools/benchmark-lib.sh (bench_baseline):
 *   java -cp CLASSPATH tools/engine-baseline/EngineBaseline.java JDBC_URL USER PASSWORD INSTANCES
 * With "startup" instead of INSTANCES it times its own start-up instead (tools/startup-benchmark.sh): from the JVM's
 * start to the engine built on an empty database (schema created) with its process deployed, then stops.
 * With -Dbaseline.authorized=true the engine checks authorizations as Doorstep's does: the task has a candidate group
 * (so the engine grants that group the task), the instance starts with nobody signed in (as the API starts a visit),
 * and a member of the group finds and completes the task. Doorstep cannot run without these checks (need-to-know for
 * every verb), so this is the floor its authorised steps are compared with as well.
 */
public class EngineBaseline {

    private static final String GROUP = "staff";
    private static final String MEMBER = "staff-member";

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String url = args[0];
        boolean startup = args[3].equals("startup");
        boolean authorized = Boolean.getBoolean("baseline.authorized");
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(args[1]).setJdbcPassword(args[2])
                .setJdbcDriver(url.startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setAuthorizationEnabled(authorized)
                .buildProcessEngine();
        try {
            // The candidate group only where it is checked, so the plain baseline stays the step earlier figures timed.
            engine.getRepositoryService().createDeployment().addModelInstance("baseline.bpmn",
                    Bpmn.createExecutableProcess("Process_Baseline").camundaHistoryTimeToLive(1)
                            .startEvent().userTask("Task_Baseline").camundaCandidateGroups(authorized ? GROUP : null)
                            .endEvent().done()).deploy();
            if (startup) {
                printStartup(url);
                return;
            }
            int instances = Integer.parseInt(args[3]);
            // Warm-up (a fifth as many, at least 20) so JIT and connection pool are settled, as in Doorstep's runs.
            run(engine, Math.max(20, instances / 5));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            double[] millis = run(engine, instances);
            double wall = (System.nanoTime() - started) / 1e9;
            double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6 / instances;
            Arrays.sort(millis);
            System.out.println("== Bare engine baseline (Camunda 7.24, plain API): start + find task + complete, full history"
                    + (authorized ? ", authorization checks on (a candidate group's member finds and completes the task)" : ""));
            System.out.printf("Baseline database: %s; %d instances in %.2f s = %.0f/s%n", url, instances, wall, instances / wall);
            System.out.printf("Baseline per instance: median %.1f ms, p95 %.1f ms, max %.1f ms; JVM CPU %.1f ms (database CPU not counted)%n",
                    millis[instances / 2], millis[(int) Math.ceil(instances * 0.95) - 1], millis[instances - 1], cpuMillis);
        } finally {
            engine.close();
        }
    }

    /**
     * The JVM's own start time, so a caller compares it with Doorstep's launch-to-first-answer; the wall clock at
     * "ready" lets tools/startup-benchmark.sh time it from its own launch too, as it does Doorstep.
     */
    private static void printStartup(String url) {
        long ready = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.println("== Bare engine start-up (Camunda 7.24, plain API): fresh schema, full history, one process deployed");
        System.out.printf("Baseline database: %s; engine ready %.2f s after the JVM started, JVM CPU %.2f s (ready at %d ms since the epoch)%n",
                url, (ready - jvmStart) / 1e3, cpuNanos / 1e9, ready);
    }

    private static double[] run(ProcessEngine engine, int instances) {
        double[] millis = new double[instances];
        for (int i = 0; i < instances; i++) {
            long start = System.nanoTime();
            String id = engine.getRuntimeService().startProcessInstanceByKey("Process_Baseline", "baseline-" + i).getId();
            // Without authorization checks the engine ignores who is signed in.
            engine.getIdentityService().setAuthentication(MEMBER, List.of(GROUP));
            try {
                Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
                engine.getTaskService().complete(task.getId());
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }
}
