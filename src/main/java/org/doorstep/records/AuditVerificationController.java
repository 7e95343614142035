package org.doorstep.records;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators and tools/verify-audit.sh: is the audit trail as it was written? */
@RestController
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class AuditVerificationController {

    private final AuditVerification verification;

    AuditVerificationController(AuditVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/audit/verification")
    AuditVerification.Result verify() {
        return verification.verify();
    }
}
