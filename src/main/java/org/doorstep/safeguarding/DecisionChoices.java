package org.doorstep.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The choices the DSL's Tasklist form offers for a concern, read from that form (the one its task
 * names), so the page and Tasklist always offer the same decisions under the same words.
 */
@Component
class DecisionChoices {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repository;
    private final Map<String, List<Choice>> byTask = new ConcurrentHashMap<>();

    DecisionChoices(RepositoryService repository) {
        this.repository = repository;
    }

    List<Choice> of(ConcernSource source, String processDefinitionId) {
        return byTask.computeIfAbsent(processDefinitionId + "/" + source.taskKey, key -> read(source, processDefinitionId));
    }

    Optional<String> label(ConcernSource source, String processDefinitionId, String value) {
        return of(source, processDefinitionId).stream().filter(choice -> choice.value().equals(value))
                .map(Choice::label).findFirst();
    }

    private List<Choice> read(ConcernSource source, String processDefinitionId) {
        UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(source.taskKey);
        // The models and forms are deployed from the jar only, so the jar's form is the deployed one.
        try (InputStream form = new ClassPathResource("forms/" + task.getCamundaFormRef() + ".form").getInputStream()) {
            List<Choice> choices = new ArrayList<>();
            for (JsonNode component : JSON.readTree(form).path("components")) {
                if (source.decision.name().equals(component.path("key").asText())) {
                    component.path("values").forEach(option ->
                            choices.add(new Choice(option.path("value").asText(), option.path("label").asText())));
                }
            }
            return List.copyOf(choices);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable form of " + source.taskKey, e);
        }
    }

    record Choice(String value, String label) {
    }
}
