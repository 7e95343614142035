package org.doorstep.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.OwnDoorstep;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The zero-set-up H2 database is a file: stopping Doorstep loses no visit. */
@Tag("own-context")
class RestartTest {

    @TempDir
    Path folder;

    @Test
    void aVisitStartedBeforeARestartIsStillWaitingAfterIt() {
        String reference;
        try (ConfigurableApplicationContext first = start()) {
            reference = first.getBean(VisitService.class).requestVisit("TVJ-0002", "attendance", "office").getBusinessKey();
        }
        try (ConfigurableApplicationContext second = start()) {
            RuntimeService runtime = second.getBean(RuntimeService.class);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
            assertThat(second.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
                    .taskDefinitionKey(HomeVisitProcess.Elements.AUTHORISE).count()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return OwnDoorstep.start(folder, "restartcheck");
    }
}
