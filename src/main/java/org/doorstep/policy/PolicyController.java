package org.doorstep.policy;

import java.io.IOException;
import java.util.Collection;
import org.doorstep.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see which policy versions are in force and apply edited profiles without a restart. */
@RestController
@RequestMapping("/api/policies")
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class PolicyController {

    private final PolicyProfiles profiles;

    PolicyController(PolicyProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    Collection<PolicyProfile> inForce() {
        return profiles.all();
    }

    @PostMapping("/reload")
    Collection<PolicyProfile> reload() throws IOException {
        return profiles.reload();
    }

    @ExceptionHandler(InvalidPolicyProfileException.class)
    ProblemDetail invalid(InvalidPolicyProfileException e) {
        return Problems.withProblems(HttpStatus.UNPROCESSABLE_ENTITY, "The profiles were not changed: " + e.getMessage(),
                e.problems());
    }
}
