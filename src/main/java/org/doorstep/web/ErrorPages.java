package org.doorstep.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.doorstep.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Replaces Spring Boot's "Whitelabel Error Page" for every error that reaches the servlet container: a
 * refusal by Spring Security (a role opening Cockpit), an unknown address, a page controller's 404 or an
 * unexpected failure. People get a page in the one layout that says what happened and what they may do
 * instead; programs (Doorstep's API, the REST API, the webapps' API, or any caller not asking for HTML)
 * get Doorstep's one error shape, a problem detail, however they asked.
 */
@Controller
@DoorstepPage
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    /** Addresses only programs call: their errors are never a page. */
    private static final List<String> FOR_PROGRAMS = List.of("/api/", "/engine-rest/", "/camunda/api/", "/actuator/", "/v3/");

    private final ErrorAttributes errors;
    private final ObjectMapper json;

    ErrorPages(ErrorAttributes errors, ObjectMapper json) {
        this.errors = errors;
        this.json = json;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ModelAndView error(HttpServletRequest request) {
        HttpStatus status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String reference = null;
        if (status.is5xxServerError()) {
            // People quote the reference; the log has the stack trace under it.
            reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            log.error("Error {} answering {}", reference, path, errors.getError(new ServletWebRequest(request)));
        }
        if (FOR_PROGRAMS.stream().anyMatch(path::startsWith) || !acceptsHtml(request)) {
            return new ModelAndView(problem(path, Problems.problem(status, detail(status, reference))));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        model.put("title", status.getReasonPhrase());
        model.put("reference", reference);
        model.put("formExpired", request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
        return new ModelAndView(template(status), model, status);
    }

    private static String template(HttpStatus status) {
        if (status == HttpStatus.FORBIDDEN || status == HttpStatus.NOT_FOUND) {
            return "error/" + status.value();
        }
        return status.is5xxServerError() ? "error/500" : "error/other";
    }

    private static String detail(HttpStatus status, String reference) {
        return switch (status) {
            case UNAUTHORIZED -> "Sign in first";
            case FORBIDDEN -> "Your role does not allow this";
            case NOT_FOUND -> "Not found, or not yours to see";
            default -> reference != null
                    ? "Doorstep could not answer this request; the error has been logged with reference " + reference
                    : status.getReasonPhrase();
        };
    }

    private View problem(String path, ProblemDetail problem) {
        problem.setInstance(URI.create(path));
        return (model, request, response) -> {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    /** Someone asking for /error itself finds nothing there, rather than an error logged for the administrators. */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
    }
}
