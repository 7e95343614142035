package org.doorstep.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of every Camunda Form: a complete-listener on every user task reads the
 * task's deployed form (its formRef) and refuses completion with a {@link FormValidationException}
 * naming each missing or malformed field. The exception rolls the engine's transaction back, so the
 * task stays open and no variable changes; the form in Tasklist keeps what was typed.
 */
@Component
public class FormValidation extends AbstractProcessEnginePlugin {

    private final Map<String, FormRules> rulesByDefinitionId = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, FormValidation.this::validate);
            }
        });
    }

    void validate(DelegateTask task) {
        FormRules rules = rulesFor(task);
        if (rules == null) {
            return;
        }
        List<String> problems = rules.problems(task::getVariable, schoolUsers(task.getTenantId()));
        if (!problems.isEmpty()) {
            throw new FormValidationException(task.getName(), problems);
        }
    }

    /**
     * The keys of the task's form fields: the only variables completing it may set (none for a task
     * without a form). Called inside an engine command.
     */
    public Set<String> fieldKeys(DelegateTask task) {
        FormRules rules = rulesFor(task);
        return rules == null ? Set.of() : rules.fields().stream().map(FormRules.Field::key).collect(Collectors.toSet());
    }

    /**
     * Which names the task's deployed form mentions (its fields, the {@code {{variables}}} it shows, its
     * conditions), so form words are set only where a form shows them; every name for a task whose form is
     * not found. Called inside an engine command (the task listener that creates the words).
     */
    public Predicate<String> mentionedBy(DelegateTask task) {
        // Looked up on the first question only: a feature that sets all its words never asks, and pays no query.
        return new Predicate<>() {
            private FormRules rules;
            private boolean resolved;

            @Override
            public boolean test(String name) {
                if (!resolved) {
                    rules = rulesFor(task);
                    resolved = true;
                }
                return rules == null || rules.mentions(name);
            }
        };
    }

    /**
     * Whether a user id names a member of the school (the task's tenant). Asked of the identity store
     * without the completing user's authorizations: visiting staff may not list users, yet may name
     * a colleague on their plan.
     */
    private static Predicate<String> schoolUsers(String schoolId) {
        CommandContext context = Context.getCommandContext();
        return userId -> context.runWithoutAuthorization(() -> {
            UserQuery users = context.getReadOnlyIdentityProvider().createUserQuery(context).userId(userId);
            if (schoolId != null) {
                users.memberOfTenant(schoolId);
            }
            return users.count() > 0;
        });
    }

    /**
     * The rules of the task's form, as deployed, resolved as the engine resolves binding "latest":
     * forms are shared by every school, so the task's tenant does not narrow the search.
     */
    private FormRules rulesFor(DelegateTask task) {
        UserTask model = (UserTask) task.getBpmnModelElementInstance();
        if (model == null || model.getCamundaFormRef() == null) {
            return null;
        }
        CamundaFormDefinitionEntity definition = Context.getCommandContext().getCamundaFormDefinitionManager()
                .findLatestDefinitionByKey(model.getCamundaFormRef());
        if (definition == null) {
            return null;
        }
        return rulesByDefinitionId.computeIfAbsent(definition.getId(), id -> {
            ResourceEntity resource = Context.getCommandContext().getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
            try (InputStream json = new java.io.ByteArrayInputStream(resource.getBytes())) {
                return FormRules.read(json);
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable form " + definition.getResourceName(), e);
            }
        });
    }
}
