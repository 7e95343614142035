package org.doorstep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Doorstep started by an own-context test (run in its own JVM): demo data, an H2 file database in
 * {@code folder} (so a second start finds the first one's data), no job executor (the test runs
 * the jobs on the engine clock) and its own engine name, so closing it never unregisters another
 * context's "default" engine.
 */
public final class OwnDoorstep {

    public static ConfigurableApplicationContext start(Path folder, String engineName, String... moreSettings) {
        List<String> settings = new ArrayList<>(List.of(
                "--spring.profiles.active=demo",
                "--server.port=0",
                "--camunda.bpm.process-engine-name=" + engineName,
                "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("doorstep") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--camunda.bpm.job-execution.enabled=false"));
        settings.addAll(List.of(moreSettings));
        return new SpringApplicationBuilder(DoorstepApplication.class).web(WebApplicationType.SERVLET)
                .run(settings.toArray(String[]::new));
    }

    private OwnDoorstep() {
    }
}
