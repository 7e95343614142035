package org.doorstep.visit;

import static org.doorstep.security.Roles.OFFICE;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.records.Documents;
import org.doorstep.security.SchoolAccess;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.HomeSection;
import org.doorstep.web.ShownTime;
import org.doorstep.web.TasklistLinks;
import org.doorstep.workflow.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Home: the letters and notices a visit produced that still have to be printed and posted, and the
 * office's "posted" button. No task asks the office to post them: the reminder letter (Thames View 4.2)
 * is made by a service task, and the no-answer notice is for the visiting staff's "Post the notice
 * through the door" task, which marks it posted when they say they did (RecordCancellation).
 */
@Controller
@DoorstepPage
class DocumentsToPost implements HomeSection {

    static final int LIMIT = 20;
    /** Older letters are the record's, not today's work. */
    static final Duration RECENT = Duration.ofDays(30);

    /** What each kind of posted document is called on the page. */
    enum Kind {
        CALLING_CARD("\u201cWe called today\u201d card"),
        ADVICE_SLIP("Advice slip"),
        LETTER("Home visit letter"),
        REMINDER_LETTER("Reminder letter (broken agreement)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean notice() {
            return this != REMINDER_LETTER;
        }
    }

    record ToPost(long id, String visitReference, String school, String pupil, String what, String made, String openHref,
            String staffTaskHref) {
    }

    record Data(boolean showSchool, List<ToPost> documents) {
    }

    private final Documents documents;
    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final SchoolAccess schools;

    DocumentsToPost(Documents documents, JdbcClient jdbc, TaskService tasks, SchoolAccess schools) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.schools = schools;
    }

    @Override
    public Optional<Shown> forViewer(Viewer viewer) {
        if (!viewer.inAny(OFFICE) || viewer.schools().isEmpty()) {
            return Optional.empty();
        }
        List<Documents.ToPost> waiting = documents.waitingToPost(viewer.schools(),
                Arrays.stream(Kind.values()).map(Kind::name).toList(), EngineClock.now().minus(RECENT), LIMIT);
        Map<String, String> postTaskOf = postNoticeTasks(waiting.stream()
                .filter(document -> Kind.valueOf(document.kind()).notice()).map(Documents.ToPost::visitReference).distinct().toList());
        Map<String, String> schoolNames = new HashMap<>();
        if (viewer.severalSchools()) {
            jdbc.sql("SELECT id, name FROM school WHERE id IN (:schools)").param("schools", viewer.schools())
                    .query(rs -> {
                        schoolNames.put(rs.getString(1), rs.getString(2));
                    });
        }
        return Optional.of(new Shown(40, "home/documents-to-post", new Data(viewer.severalSchools(), waiting.stream()
                .map(document -> new ToPost(document.id(), document.visitReference(), schoolNames.get(document.schoolId()),
                        document.pupilName(), Kind.valueOf(document.kind()).label, ShownTime.at(document.createdAt()),
                        "/api/documents/" + document.id(), postTaskOf.get(document.visitReference())))
                .toList())));
    }

    /** The open "Post the notice through the door" task of each visit, by visit reference. */
    private Map<String, String> postNoticeTasks(List<String> visits) {
        Map<String, String> taskOf = new HashMap<>();
        if (visits.isEmpty()) {
            return taskOf;
        }
        Map<String, String> visitOf = new HashMap<>();
        jdbc.sql("SELECT process_instance_id, reference FROM visit WHERE reference IN (:visits) AND process_instance_id IS NOT NULL")
                .param("visits", visits).query(rs -> {
                    visitOf.put(rs.getString(1), rs.getString(2));
                });
        if (!visitOf.isEmpty()) {
            tasks.createTaskQuery().processInstanceIdIn(visitOf.keySet().toArray(String[]::new))
                    .taskDefinitionKey(HomeVisitProcess.Elements.POST_NOTICE).list()
                    .forEach(task -> taskOf.put(visitOf.get(task.getProcessInstanceId()), TasklistLinks.task(task.getId())));
        }
        return taskOf;
    }

    /** The office printed and posted it (a page form: it works without JavaScript). */
    @PostMapping("/documents/{id}/posted")
    @PreAuthorize("hasAuthority('GROUP_office')")
    String posted(@PathVariable long id, Authentication user) {
        Documents.Document document = documents.document(id)
                .filter(found -> schools.canAccess(user, schoolOf(found.visitReference())))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No document " + id + " in your schools"));
        documents.markPosted(document.id(), user.getName());
        return "redirect:/#documents-to-post";
    }

    private String schoolOf(String visitReference) {
        return jdbc.sql("SELECT school_id FROM visit WHERE reference = ?").param(visitReference).query(String.class).optional()
                .orElse(null);
    }

}
