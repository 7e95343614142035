package org.doorstep.safeguarding;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.security.SchoolAccess;
import org.doorstep.trigger.AbsenceCases;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.Doors;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.FormValidationException;
import org.doorstep.workflow.People;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The DSL's inbox ({@code /safeguarding}) and one concern ({@code /safeguarding/{reference}}, the
 * visit's or absence case's reference, which the DSL's Tasklist form links to). Need-to-know: the DSL
 * and the headteacher of the concern's school only; each showing of the text is audited.
 */
@Controller
@DoorstepPage
class SafeguardingPages {

    /** The inbox's door in web.Navigation: the DSL and the headteacher; every page here opens for its roles. */
    static final String PATH = "/safeguarding";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK)
            .withZone(EngineClock.SCHOOL_ZONE);
    private static final int MAX_REASONING = 4000;
    private static final int MAX_SENT_TO = 200;

    private final Concerns concerns;
    private final ConcernDecisions decisions;
    private final DecisionChoices choices;
    private final SchoolAccess schools;
    private final VisitNotes notes;
    private final AbsenceCases absenceCases;
    private final AuditTrail audit;
    private final TaskService tasks;
    private final People people;

    SafeguardingPages(Concerns concerns, ConcernDecisions decisions, DecisionChoices choices, SchoolAccess schools,
            VisitNotes notes, AbsenceCases absenceCases, AuditTrail audit, TaskService tasks, People people) {
        this.concerns = concerns;
        this.decisions = decisions;
        this.choices = choices;
        this.schools = schools;
        this.notes = notes;
        this.absenceCases = absenceCases;
        this.audit = audit;
        this.tasks = tasks;
        this.people = people;
    }

    @GetMapping(PATH)
    String inbox(Authentication user, Model model, HttpServletResponse response) throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        Names names = new Names();
        List<Row> rows = concerns.inbox(schools.schoolsOf(user.getName())).stream().map(concern -> row(concern, names)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("waitingCount", rows.stream().filter(Row::waiting).count());
        model.addAttribute("decidedShown", Concerns.DECIDED_SHOWN);
        return "safeguarding/inbox";
    }

    @GetMapping(PATH + "/{reference}")
    String concern(@PathVariable String reference, Authentication user, Model model, HttpServletResponse response)
            throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        List<Concerns.Concern> found = requireConcerns(reference, user);
        Concerns.Concern first = found.get(0);
        Names names = new Names();
        model.addAttribute("reference", reference);
        model.addAttribute("rows", found.stream().map(concern -> row(concern, names)).toList());
        model.addAttribute("first", row(first, names));
        model.addAttribute("open", found.stream().filter(Concerns.Concern::waiting).findFirst()
                .map(concern -> decisionForm(concern, user)).orElse(null));
        if (first.onVisit()) {
            model.addAttribute("notes", notes.notes(reference, true).stream()
                    .filter(note -> note.kind() == NoteKind.SAFEGUARDING)
                    .map(note -> new Text(when(note.createdAt()), names.of(note.author()), note.body())).toList());
            audit.record(user.getName(), "SAFEGUARDING_NOTES_READ", "visit", reference, "safeguarding page");
        } else {
            model.addAttribute("notes", absenceCases.referrals(reference).stream()
                    .map(referral -> new Text(when(referral.decidedAt()), names.of(referral.decidedBy()),
                            (referral.sentTo() == null || referral.sentTo().isBlank() ? "" : "Sent to " + referral.sentTo() + ". ")
                                    + referral.summary()))
                    .toList());
            audit.record(user.getName(), "ABSENCE_REFERRALS_READ", "absence_case", reference, "safeguarding page");
        }
        return "safeguarding/concern";
    }

    @PostMapping(PATH + "/{reference}")
    String decide(@PathVariable String reference, @RequestParam String taskId,
            @RequestParam(required = false) String choice, @RequestParam(required = false) String reasoning,
            @RequestParam(required = false) String sentTo, Authentication user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        Concerns.Concern concern = requireConcerns(reference, user).stream()
                .filter(candidate -> candidate.taskId().equals(taskId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such concern on " + reference));
        String problem = null;
        String label = choice == null ? null
                : choices.label(concern.source(), concern.processDefinitionId(), choice).orElse(null);
        if (!concern.waiting()) {
            problem = "This concern was already decided, so nothing was changed.";
        } else if (label == null) {
            problem = "Choose a decision.";
        } else if (reasoning == null || reasoning.isBlank()) {
            problem = "Write down your reasoning: it is kept in the safeguarding record.";
        } else if (reasoning.length() > MAX_REASONING) {
            problem = "Your reasoning is longer than " + MAX_REASONING + " characters; shorten it.";
        } else if (sentTo != null && sentTo.length() > MAX_SENT_TO) {
            problem = "'Sent to' is longer than " + MAX_SENT_TO + " characters; shorten it.";
        }
        if (problem == null) {
            try {
                decisions.decide(concern, label, new ConcernDecisions.Decision(choice, reasoning.strip(),
                        sentTo == null || sentTo.isBlank() ? null : sentTo.strip()), who(user));
                redirect.addFlashAttribute("recorded", label);
                return "redirect:" + PATH + "/" + reference;
            } catch (AuthorizationException refused) {
                problem = "Your role may read this concern but not decide it: the decision is the safeguarding lead's.";
            } catch (FormValidationException invalid) {
                problem = String.join(" ", invalid.problems());
            }
        }
        model.addAttribute("problem", problem);
        model.addAttribute("reasoning", reasoning);
        model.addAttribute("sentTo", sentTo);
        model.addAttribute("chosen", choice);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return concern(reference, user, model, response);
    }

    private List<Concerns.Concern> requireConcerns(String reference, Authentication user) {
        List<Concerns.Concern> found = concerns.about(reference);
        schools.require(user, found.isEmpty() ? null : found.get(0).schoolId(), "safeguarding concern " + reference);
        return found;
    }

    /** The form, when the user is one of those the DSL's task is for (the headteacher reads only, unless the policy names them). */
    private DecisionForm decisionForm(Concerns.Concern concern, Authentication user) {
        List<String> groups = groups(user);
        boolean mayDecide = tasks.getIdentityLinksForTask(concern.taskId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).anyMatch(groups::contains);
        return new DecisionForm(concern.taskId(), choices.of(concern.source(), concern.processDefinitionId()),
                !concern.onVisit(), mayDecide);
    }

    private ConcernDecisions.Who who(Authentication user) {
        return new ConcernDecisions.Who(user.getName(), groups(user), List.copyOf(schools.schoolsOf(user.getName())));
    }

    private static List<String> groups(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_")).map(authority -> authority.substring("GROUP_".length()))
                .toList();
    }

    private Row row(Concerns.Concern concern, Names names) {
        return new Row(concern.reference(), concern.onVisit(), concern.pupilId(), concern.pupilName(),
                concern.source().label(), when(concern.raisedAt()),
                concern.raisedBy() == null ? "not recorded" : names.of(concern.raisedBy()), concern.status().label(),
                concern.waiting(), concern.decision(), concern.decidedAt() == null ? null : when(concern.decidedAt()),
                concern.decidedBy() == null ? null : names.of(concern.decidedBy()));
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** People by name, never by user id; each looked up once per page. */
    private final class Names {
        private final Map<String, String> known = new HashMap<>();

        String of(String userId) {
            return known.computeIfAbsent(userId, people::name);
        }
    }

    record Row(String reference, boolean onVisit, String pupilId, String pupilName, String source, String raisedAt,
            String raisedBy, String status, boolean waiting, String decision, String decidedAt, String decidedBy) {
    }

    record Text(String when, String author, String body) {
    }

    record DecisionForm(String taskId, List<DecisionChoices.Choice> choices, boolean asksSentTo, boolean mayDecide) {
    }
}
