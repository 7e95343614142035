package org.doorstep.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.doorstep.workflow.FormValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task's form is the only way to change a process: completing a task (through the REST API or
 * Tasklist's own engine API) may set only the fields of the task's deployed form. A completion that
 * carries any other variable, such as a visit's authoriserGroup or riskLevel, is refused with 400
 * naming it, before the engine sees it, so the task stays open and nothing changes. Everything else
 * about variables (setting them on a task or process outside a completion) is refused by Camunda's
 * authorizations: candidates hold TASK_WORK, not UPDATE.
 */
class FormFieldGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FormFieldGuard.class);

    /**
     * Tasklist uses the webapp's engine API; resolve completes a delegated task and sets variables too. The
     * REST API also answers under its engine's name (/engine-rest/engine/default/...), so both spellings count.
     */
    private static final Pattern COMPLETION = Pattern.compile(
            "/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form|resolve)/*");

    private final FormValidation forms;
    private final SchoolAccess schools;
    private final ProcessEngineConfigurationImpl engine;
    private final ObjectMapper json;

    FormFieldGuard(FormValidation forms, SchoolAccess schools, ProcessEngineConfigurationImpl engine, ObjectMapper json) {
        this.forms = forms;
        this.schools = schools;
        this.engine = engine;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher completion = COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (!"POST".equals(request.getMethod()) || !completion.matches() || user == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = CachedBodyRequest.of(request);
        List<String> outsideTheForm = notOnTheForm(completion.group(1), variableNames(cached.body()), user);
        if (outsideTheForm.isEmpty()) {
            chain.doFilter(cached, response);
            return;
        }
        log.warn("Refused {}'s completion of task {}: variables {} are not on its form", user.getName(),
                completion.group(1), outsideTheForm);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Not a field of this task's form: "
                + String.join(", ", outsideTheForm) + ". Completing a task sets only its form's fields; nothing was changed.");
        problem.setTitle("Variables outside the task's form");
        problem.setProperty("variables", outsideTheForm);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The names under "variables"; none for a body the engine will refuse as malformed anyway. */
    private Set<String> variableNames(byte[] body) {
        Set<String> names = new TreeSet<>();
        try {
            JsonNode variables = body.length == 0 ? null : json.readTree(body).path("variables");
            if (variables != null && variables.isObject()) {
                variables.fieldNames().forEachRemaining(names::add);
            }
        } catch (IOException malformed) {
            // the engine answers a malformed body itself
        }
        return names;
    }

    /**
     * The names the task's form does not have. A task that does not exist, or that belongs to a
     * school the user does not work for, is left to the engine, which refuses it without saying more.
     */
    private List<String> notOnTheForm(String taskId, Set<String> names, Authentication user) {
        if (names.isEmpty()) {
            return List.of();
        }
        return engine.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null || !schools.canAccess(user, task.getTenantId())) {
                return List.of();
            }
            Set<String> fields = forms.fieldKeys(task);
            return names.stream().filter(name -> !fields.contains(name)).toList();
        });
    }
}
