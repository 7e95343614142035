package org.doorstep.visit;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;

/**
 * Records process test coverage in every {@code @SpringBootTest} context (so all @DoorstepTest classes
 * keep sharing one context), but not in applications a test starts by hand (the own-context tests),
 * which have no test listener to initialise the coverage state. Spring Boot marks its test contexts
 * with the property below.
 */
@AutoConfiguration
@ConditionalOnProperty("org.springframework.boot.test.context.SpringBootTestContextBootstrapper")
@Import(ProcessEngineCoverageConfiguration.class)
class ProcessCoverageInSpringTests {
}
