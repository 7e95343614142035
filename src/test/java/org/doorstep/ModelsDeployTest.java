package org.doorstep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every model in bpmn/, dmn/ and forms/ reaches the engine, and the models agree with each other. */
@DoorstepTest
class ModelsDeployTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    FormService formService;

    @Autowired
    TaskService taskService;

    @Autowired
    VisitService visits;

    @Test
    void everyModelFileIsDeployed() throws IOException {
        Set<String> deployed = repositoryService.createDeploymentQuery().list().stream()
                .map(Deployment::getId)
                .flatMap(id -> repositoryService.getDeploymentResourceNames(id).stream())
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .collect(Collectors.toSet());
        List<String> files = modelFiles("bpmn", "dmn", "forms");
        assertThat(files).isNotEmpty();
        assertThat(deployed).containsAll(files);
    }

    @Test
    void everyUserTaskHasACandidateGroupAndADeployedForm() throws IOException {
        Set<String> formIds = deployedFormIds();
        for (BpmnModelInstance model : processModels()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = task.getId() + " (" + task.getName() + ")";
                assertThat(task.getCamundaCandidateGroups()).as("candidate group of " + where).isNotBlank();
                assertThat(task.getName()).as("name of " + task.getId()).isNotBlank();
                assertThat(task.getCamundaFormRef()).as("form of " + where).isIn(formIds);
            }
        }
    }

    @Test
    void aSchoolsTaskOpensItsCamundaForm() throws IOException {
        String reference = visits.requestVisit("LYN-0002", "attendance", "lyn-office").getBusinessKey();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(task.getTenantId()).isEqualTo("lynnfield-primary");
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes())).contains("\"id\": \"authorise-visit\"");
        }
    }

    @Test
    void everyFormHasItsOwnId() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, String> fileByFormId = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.toList()) {
                String id = json.readTree(file.toFile()).get("id").asText();
                assertThat(fileByFormId.put(id, file.getFileName().toString()))
                        .as("form id '" + id + "' of " + file.getFileName() + " is also used by").isNull();
            }
        }
    }

    @Test
    void everyBusinessRuleTaskNamesADeployedDecision() throws IOException {
        Set<String> decisions = repositoryService.createDecisionDefinitionQuery().list().stream()
                .map(definition -> definition.getKey()).collect(Collectors.toSet());
        for (BpmnModelInstance model : processModels()) {
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                assertThat(task.getCamundaDecisionRef()).as("decision of " + task.getId()).isIn(decisions);
            }
        }
    }

    @Test
    void everyProcessIsDeployedWithAHistoryTimeToLive() throws IOException {
        for (BpmnModelInstance model : processModels()) {
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).forEach(process ->
                    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(process.getId())
                            .latestVersion().singleResult().getHistoryTimeToLive())
                            .as("history time to live of " + process.getId()).isPositive());
        }
    }

    private Set<String> deployedFormIds() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Set<String> ids = new java.util.HashSet<>();
        for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
            for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                if (name.endsWith(".form")) {
                    try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), name)) {
                        ids.add(json.readTree(in).get("id").asText());
                    }
                }
            }
        }
        return ids;
    }

    static List<BpmnModelInstance> processModels() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn"))
                    .map(file -> Bpmn.readModelFromFile(file.toFile())).toList();
        }
    }

    private static List<String> modelFiles(String... folders) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).forEach(names::add);
            }
        }
        return names;
    }
}
