package org.doorstep.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of Doorstep's API is a problem detail (RFC 9457), whatever the caller accepts: a
 * short {@code detail} that says what was wrong, inputs quoted only shortened, never a stack trace or
 * a Java class name. Bad input is always a 4xx; a 500 means a bug, is logged, and says nothing more.
 * Only API controllers ({@code @RestController}): a page's refusal is a page (web.ErrorPages).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, unreadable(e), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Names the field whose value has the wrong type, or says the body is not JSON at all. */
    static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST,
                    "Field '" + Problems.shorten(field) + "' must be " + expected(mismatch.getTargetType()));
            problem.setProperty("field", field);
            return problem;
        }
        if (e.getCause() instanceof JsonProcessingException && !(e.getCause() instanceof JsonMappingException)) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
        }
        return Problems.problem(HttpStatus.BAD_REQUEST, "The request body is missing or not valid JSON");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a text";
        }
        return "an object";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : "'" + e.getPropertyName() + "'";
        String type = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName().toLowerCase();
        return handleExceptionInternal(e, Problems.problem(HttpStatus.BAD_REQUEST,
                name + " must be a " + type + ", not '" + Problems.shorten(e.getValue()) + "'"), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.withProblems(HttpStatus.BAD_REQUEST, "Some fields are missing or invalid",
                e.getFieldErrors().stream().map(error -> error.getField() + ": " + error.getDefaultMessage()).toList());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Whatever produced the answer, its detail stays short. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setDetail(Problems.capped(problem.getDetail()));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "Your role does not allow this");
    }

    /** The engine refused: the missing permission names internals, so it goes to the log, not the caller. */
    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail engineDenied(AuthorizationException e) {
        log.info("Engine authorization refused for {}: {}", e.getUserId(), e.getMessage());
        return Problems.problem(HttpStatus.FORBIDDEN, "Your role does not allow this");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail bug(Exception e) {
        log.error("Unexpected error answering an API request", e);
        return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Doorstep could not answer this request; the error has been logged for the administrators");
    }
}
