package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doorstep.policy.PolicyProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules a visit runs under: the school's policy settings as they were when the visit started,
 * kept on the visit's row ({@code visit.rules}, written once by {@link ApplyPolicyProfile}) so a running
 * visit keeps its rules when the profile changes, without a process variable per setting (each costs
 * three rows). Delegates read them here; the model through {@code visitRules.of(execution)}.
 */
@Component("visitRules")
public class VisitRules {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcClient jdbc;

    VisitRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The snapshot, named as the variables it replaces were (V140 copies a running visit's variables
     * into it by these names).
     *
     * @param seniorDecisionGroups parties separated by ';', each the comma-separated groups any member of
     *                             which decides for it (Lynnfield 3: "headteacher,senior-leaders;dsl")
     * @param cancellationReportedTo comma-separated groups the written cancellation report goes to
     * @param doorGuidance         one "- rule (source)" line per rule, as the door forms show it
     * @param venues               the venue kinds the plan may choose, with their labels, in the profile's order;
     *                             none for a visit started before this snapshot (V140 leaves them in its variables)
     */
    public record Rules(
            String authoriserGroup,
            String safeguardingCoAuthoriserGroup,
            String assessorGroup,
            boolean assessorMayEscalate,
            boolean protectionRegisterCheck,
            String seniorDecisionGroups,
            boolean reusePreviousAssessment,
            PolicyProfile.Pairing pairing,
            boolean outsideAgencyPartnerAllowed,
            PolicyProfile.Appointment appointmentRule,
            String entryWithoutParentForReasons,
            Duration parentWait,
            Duration lateParentLimit,
            PolicyProfile.NoAnswerNotice noticeType,
            boolean noticeWhenEntryRefused,
            String cancellationReportedTo,
            String doorGuidance,
            Map<String, String> venues,
            Duration checkInInterval) {

        static Rules of(PolicyProfile profile) {
            PolicyProfile.Visit visit = profile.visit();
            return new Rules(
                    profile.authorisation().authoriserGroup(),
                    profile.authorisation().safeguardingCoAuthoriserGroup(),
                    profile.riskAssessment().assessorGroup(),
                    profile.riskAssessment().assessorMayEscalate(),
                    profile.riskAssessment().protectionRegisterCheck(),
                    profile.riskAssessment().seniorDecisionGroups().stream().map(party -> String.join(",", party))
                            .collect(Collectors.joining(SeniorDecision.PARTY_SEPARATOR)),
                    profile.riskAssessment().reusePreviousAssessment(),
                    visit.pairing(),
                    visit.outsideAgencyPartnerAllowed(),
                    visit.appointment(),
                    String.join(",", visit.entryWithoutParentForReasons()),
                    visit.parentWait(),
                    visit.lateParentLimit(),
                    visit.noAnswerNotice(),
                    visit.noticeWhenEntryRefused(),
                    String.join(",", visit.cancellationReportedTo()),
                    visit.doorGuidance().stream().map(rule -> "- " + rule.rule() + " (" + rule.source() + ")")
                            .collect(Collectors.joining("\n")),
                    visit.venues(),
                    profile.safety().checkInInterval());
        }

        /** Whether a visit for this reason goes ahead without the parent present (Thomas More: attendance). */
        boolean entryWithoutParentFor(String reason) {
            return entryWithoutParentForReasons != null
                    && Arrays.asList(entryWithoutParentForReasons.split(",")).contains(reason);
        }

        List<String> seniorDecisionParties() {
            return List.of(seniorDecisionGroups.split(SeniorDecision.PARTY_SEPARATOR));
        }
    }

    /** The rules of the visit whose execution or task this is. */
    public Rules of(VariableScope visit) {
        return ofVisit(VISIT_REFERENCE.require(visit));
    }

    Rules ofVisit(String reference) {
        String json = jdbc.sql("SELECT rules FROM visit WHERE reference = ?").param(reference)
                .query(String.class).optional().orElse(null);
        if (json == null) {
            throw new IllegalStateException("Visit " + reference + " has no rules recorded");
        }
        return read(json);
    }

    static Rules read(String json) {
        try {
            return JSON.readValue(json, Rules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable visit rules", e);
        }
    }

    /** The snapshot's text: of the rules, or (V140) of a running visit's copied variables by name. */
    static String write(Object rules) {
        try {
            return JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
