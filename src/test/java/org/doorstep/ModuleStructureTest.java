package org.doorstep;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk only through each other's public top-level types, and never in a cycle. */
class ModuleStructureTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(DoorstepApplication.class).verify();
    }
}
