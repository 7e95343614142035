package org.doorstep.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.doorstep.workflow.FormValidationException;
import org.springframework.stereotype.Component;

/**
 * Two engine-rest answers that Camunda gives as 500 although the caller is at fault, in Camunda's own
 * error shape ({@code type}, {@code message}):
 * <ul>
 * <li>another school's task, instance or variable ("belongs to no authenticated tenant", ENGINE-13034) is
 * 404, as in Doorstep's own API, so that its existence is not confirmed;</li>
 * <li>a task completion refused by form validation ({@link FormValidationException}) is 400 with the
 * validation message, as Tasklist shows it.</li>
 * </ul>
 * Every other error keeps Camunda's mapping. The mappers outrank Camunda's ones for the same exception types.
 */
@Component
class EngineRestErrors extends CamundaJerseyResourceConfig {

    private static final String OTHER_TENANT = "ENGINE-13034";

    @Override
    protected void registerAdditionalResources() {
        register(new EngineErrors());
        register(new RestErrors());
    }

    static Response toResponse(RuntimeException e) {
        return refusal(e).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(e));
    }

    static Optional<Response> refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FormValidationException invalid) {
                return Optional.of(answer(Response.Status.BAD_REQUEST, invalid.getMessage()));
            }
            if (cause.getMessage() != null && cause.getMessage().contains(OTHER_TENANT)) {
                return Optional.of(answer(Response.Status.NOT_FOUND, "Not found in your schools"));
            }
        }
        return Optional.empty();
    }

    private static Response answer(Response.Status status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", Problems.capped(message));
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Priority(Priorities.USER - 1000)
    static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return EngineRestErrors.toResponse(e);
        }
    }

    @Priority(Priorities.USER - 1000)
    static class RestErrors implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            return EngineRestErrors.toResponse(e);
        }
    }
}
