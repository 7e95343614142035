package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ANNOUNCED;
import static org.doorstep.visit.HomeVisitProcess.Variables.ASSESSOR_MAY_ESCALATE;
import static org.doorstep.visit.HomeVisitProcess.Variables.PROTECTION_REGISTER_CHECK;
import static org.doorstep.visit.HomeVisitProcess.Variables.VENUE_CHOICE;
import static org.doorstep.visit.HomeVisitProcess.Variables.VENUE_OPTIONS;
import static org.doorstep.visit.HomeVisitProcess.Variables.APPOINTMENT_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_KIND;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_MOBILE;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_ORGANISATION;
import static org.doorstep.visit.HomeVisitProcess.Variables.EXPECTED_RETURN_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAS_SOCIAL_WORKER;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_MOBILE;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_VISITOR;
import static org.doorstep.visit.HomeVisitProcess.Variables.PAIRED_REQUIRED;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_INVOLVED;
import static org.doorstep.visit.HomeVisitProcess.Variables.TRANSPORT;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_COLOUR;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_MAKE;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_MODEL;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_REGISTRATION;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;
import static org.doorstep.visit.HomeVisitProcess.Variables.WALKING_ROUTE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.Staff;
import org.doorstep.workflow.FormDisplay;
import org.doorstep.workflow.FormWords;
import org.doorstep.workflow.SchoolTenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A home visit's values in words for its forms, set task-local when each task is created: the reason's
 * label, names for user ids, Yes or No, times on the school's clock, waits in minutes; and for the plan,
 * the school's staff as the options of its staff pickers (names shown, user ids stored).
 */
@Component
class VisitFormWords implements FormWords {

    /** The plan's staff pickers read their options from this task-local variable ([{label, value}]). */
    static final String STAFF_OPTIONS = "staffOptions";
    static final String PLAN_FORM = "plan-visit";

    private final SchoolDirectory directory;
    private final ObjectProvider<VisitService> visits;

    private final VisitRules rules;

    VisitFormWords(SchoolDirectory directory, ObjectProvider<VisitService> visits, VisitRules rules) {
        this.rules = rules;
        this.directory = directory;
        this.visits = visits;
    }

    /** Only the words the task's form shows: each is three rows of the engine's tables. */
    @Override
    public void describe(DelegateTask task, Predicate<String> formMentions) {
        if (!task.getProcessDefinitionId().startsWith(HomeVisitProcess.KEY + ":")) {
            return;
        }
        words(task).forEach((name, words) -> {
            if (formMentions.test(name)) {
                Object value = words.get();
                if (value != null) {
                    task.setVariableLocal(name, value);
                }
            }
        });
        if (PLAN_FORM.equals(FormDisplay.formKey(task))) {
            task.setVariableLocal(STAFF_OPTIONS, Variables.objectValue(staffOptions(SchoolTenancy.SCHOOL_ID.get(task)))
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        }
    }

    /**
     * Each word worked out only when a form shows it (some read the directory or the visit's row); none
     * (null) leaves the form what the process holds: a visit started before V140 has no venues on its row.
     */
    private Map<String, Supplier<Object>> words(DelegateTask visit) {
        Map<String, Supplier<Object>> words = new LinkedHashMap<>();
        Supplier<VisitRules.Rules> visitRules = new Supplier<>() {
            private VisitRules.Rules read;

            @Override
            public VisitRules.Rules get() {
                if (read == null) {
                    read = rules.of(visit);
                }
                return read;
            }
        };
        words.put("displayReason", () -> {
            String reason = REASON.get(visit);
            return VisitReason.of(reason).map(VisitReason::label).orElse(reason == null ? "" : reason);
        });
        words.put("displayRequestedBy", () -> name(visits.getObject().requestedBy(VISIT_REFERENCE.require(visit)).orElse(null)));
        words.put("displayHasSocialWorker", () -> FormDisplay.yesNo(HAS_SOCIAL_WORKER.get(visit)));
        words.put("displayAnnounced", () -> FormDisplay.yesNo(ANNOUNCED.get(visit)));
        words.put("displaySafeguardingInvolved", () -> FormDisplay.yesNo(SAFEGUARDING_INVOLVED.get(visit)));
        words.put("displayPairedRequired", () -> FormDisplay.yesNo(PAIRED_REQUIRED.get(visit)));
        words.put("displayWho", () -> who(visit));
        words.put("displayTransport", () -> transport(visit));
        words.put("displayAppointmentTime",
                () -> VisitTimes.parse(APPOINTMENT_TIME.get(visit)).map(FormDisplay::dayAndTime).orElse("not given"));
        words.put("displayExpectedReturnTime",
                () -> VisitTimes.parse(EXPECTED_RETURN_TIME.get(visit)).map(FormDisplay::dayAndTime).orElse("not given"));
        words.put("displayParentWait", () -> FormDisplay.minutes(visitRules.get().parentWait()));
        words.put("displayLateParentLimit", () -> FormDisplay.minutes(visitRules.get().lateParentLimit()));
        words.put("doorGuidance", () -> visitRules.get().doorGuidance());
        // The policy's choices a form's conditions and select read: the rules the visit started with.
        words.put(PROTECTION_REGISTER_CHECK.name(), () -> visitRules.get().protectionRegisterCheck());
        words.put(ASSESSOR_MAY_ESCALATE.name(), () -> visitRules.get().assessorMayEscalate());
        words.put(VENUE_OPTIONS.name(), () -> Optional.ofNullable(visitRules.get().venues()).map(VisitVenue::options).orElse(null));
        words.put(VENUE_CHOICE.name(), () -> Optional.ofNullable(visitRules.get().venues()).map(venues -> venues.size() > 1).orElse(null));
        // The pupil's record, not a copy in the process: the social worker's forms name whoever holds the case now.
        words.put("socialWorkerName", () -> Optional.ofNullable(PUPIL_ID.get(visit)).flatMap(directory::pupil)
                .map(Pupil::socialWorkerName).orElse(""));
        return words;
    }

    /** "Vera Vance (07700 900123) with Victor Vale (07700 900456)", or the lead alone (lone working). */
    private String who(DelegateTask visit) {
        String lead = LEAD_VISITOR.get(visit);
        if (lead == null) {
            return "";
        }
        String who = name(lead) + " (" + Objects.toString(LEAD_MOBILE.get(visit), "no mobile given") + ")";
        String kind = COMPANION_KIND.get(visit);
        if (kind == null || CheckVisitPlan.NONE.equals(kind)) {
            return who + ", alone";
        }
        String companion = CheckVisitPlan.AGENCY.equals(kind)
                ? COMPANION_NAME.get(visit) + " of " + Objects.toString(COMPANION_ORGANISATION.get(visit), "another agency")
                : name(COMPANION_NAME.get(visit));
        return who + " with " + companion + " (" + Objects.toString(COMPANION_MOBILE.get(visit), "no mobile given") + ")";
    }

    /** "By car: blue Ford Fiesta, ZZ20 D3P" or "On foot, by this route: ...". */
    private static String transport(DelegateTask visit) {
        String transport = TRANSPORT.get(visit);
        if (CheckVisitPlan.CAR.equals(transport)) {
            String car = Stream.of(VEHICLE_COLOUR.get(visit), VEHICLE_MAKE.get(visit), VEHICLE_MODEL.get(visit))
                    .filter(Objects::nonNull).collect(Collectors.joining(" "));
            return "By car: " + car + ", " + Objects.toString(VEHICLE_REGISTRATION.get(visit), "registration not given");
        }
        if (transport != null) {
            return "On foot, by this route: " + Objects.toString(WALKING_ROUTE.get(visit), "not given");
        }
        return "";
    }

    /** A member of staff's name for their user id; the id itself only if the directory does not know it. */
    private String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        return directory.staff(userId).map(Staff::fullName).orElse(userId);
    }

    private List<Map<String, String>> staffOptions(String schoolId) {
        return directory.staffOf(schoolId).stream()
                .map(staff -> Map.of("label", staff.fullName() + (staff.jobTitle() == null ? "" : ", " + staff.jobTitle()),
                        "value", staff.id()))
                .toList();
    }
}
