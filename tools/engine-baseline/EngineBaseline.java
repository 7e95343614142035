import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
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
 */
public class EngineBaseline {

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String url = args[0];
        int instances = Integer.parseInt(args[3]);
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(args[1]).setJdbcPassword(args[2])
                .setJdbcDriver(url.startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("baseline.bpmn",
                    Bpmn.createExecutableProcess("Process_Baseline").camundaHistoryTimeToLive(1)
                            .startEvent().userTask("Task_Baseline").endEvent().done()).deploy();
            // Warm-up (a fifth as many, at least 20) so JIT and connection pool are settled, as in Doorstep's runs.
            run(engine, Math.max(20, instances / 5));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            double[] millis = run(engine, instances);
            double wall = (System.nanoTime() - started) / 1e9;
            double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6 / instances;
            Arrays.sort(millis);
            System.out.println("== Bare engine baseline (Camunda 7.24, plain API): start + find task + complete, full history");
            System.out.printf("Baseline database: %s; %d instances in %.2f s = %.0f/s%n", url, instances, wall, instances / wall);
            System.out.printf("Baseline per instance: median %.1f ms, p95 %.1f ms, max %.1f ms; JVM CPU %.1f ms (database CPU not counted)%n",
                    millis[instances / 2], millis[(int) Math.ceil(instances * 0.95) - 1], millis[instances - 1], cpuMillis);
        } finally {
            engine.close();
        }
    }

    private static double[] run(ProcessEngine engine, int instances) {
        double[] millis = new double[instances];
        for (int i = 0; i < instances; i++) {
            long start = System.nanoTime();
            String id = engine.getRuntimeService().startProcessInstanceByKey("Process_Baseline", "baseline-" + i).getId();
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
            engine.getTaskService().complete(task.getId());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }
}
