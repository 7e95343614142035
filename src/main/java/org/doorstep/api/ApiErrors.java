package org.doorstep.api;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Doorstep's API answers a refusal with JSON that says what was wrong, whatever the caller
 * accepts, instead of Spring's HTML error page.
 */
@RestControllerAdvice(basePackages = "org.doorstep")
class ApiErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> refused(ResponseStatusException refusal) {
        return ResponseEntity.status(refusal.getStatusCode())
                .body(Map.of("status", refusal.getStatusCode().value(),
                        "message", refusal.getReason() == null ? refusal.getStatusCode().toString() : refusal.getReason()));
    }
}
