package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.ADDRESS;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EXPECTED_BACK_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.LAST_CHECK_IN_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.LAST_CHECK_IN_TYPE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PEOPLE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PUPIL_ID;
import static org.doorstep.safety.StaffSafetyProcess.Variables.STAFF_MOBILES;
import static org.doorstep.safety.StaffSafetyProcess.Variables.STAFF_USER_IDS;
import static org.doorstep.safety.StaffSafetyProcess.Variables.TRANSPORT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doorstep.policy.PolicyProfile.OverdueAction;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.visit.VisitDeparted.Person;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * What the office, senior leaders or the police need in one text: who is out (with their mobiles),
 * where, in which vehicle or on which route, the last contact, when they were expected back, and
 * the pupil's home numbers. People, mobiles, vehicle or route and address are the visit plan's,
 * carried in from the sign-out: the staff directory's defaults may be another phone or another car.
 */
@Component
class SafetyBriefing {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK).withZone(EngineClock.SCHOOL_ZONE);

    private final SchoolDirectory directory;

    SafetyBriefing(SchoolDirectory directory) {
        this.directory = directory;
    }

    String write(VariableScope watch, String headline) {
        return write(watch, headline, null);
    }

    /** The briefing of an overdue step: under the headline, the number its action rings first ({@link #ringFirst}). */
    String write(VariableScope watch, String headline, String ringFirst) {
        String people = PEOPLE.get(watch);
        String home = DrillMark.isDrill(watch) ? DrillMark.MARK + "not shown in a drill" : home(watch);
        Date last = LAST_CHECK_IN_AT.get(watch);
        String lastContact = last == null ? "none since they signed out"
                : time(last) + " (" + CheckInType.valueOf(LAST_CHECK_IN_TYPE.require(watch)).label() + ")";
        return """
                **%s**
                %s
                **Visit:** %s
                **Staff:** %s
                **Address:** %s
                **Vehicle / route:** %s
                **Last contact:** %s
                **Expected back:** %s
                **Pupil's home:** %s""".formatted(headline, ringFirst == null ? "" : "\n**Ring first:** " + ringFirst + "\n",
                VISIT_REFERENCE.require(watch),
                people == null ? String.join(", ", staffIds(watch)) : people, orUnknown(ADDRESS.get(watch)),
                orUnknown(TRANSPORT.get(watch)), lastContact,
                EXPECTED_BACK_AT.get(watch) == null ? "not given" : time(EXPECTED_BACK_AT.get(watch)),
                home.isEmpty() ? "no contact on record" : home);
    }

    /** Whose number an overdue step rings first, as its catalogue entry says. */
    String ringFirst(VariableScope watch, OverdueAction action) {
        if (DrillMark.isDrill(watch)) {
            // A drill rings nobody outside the school: the step names who would be rung, without the number.
            return DrillMark.MARK + "you would ring " + switch (action.ring()) {
                case VISITING_STAFF -> "the visiting staff's mobiles";
                case PUPILS_HOME -> "the pupil's home";
                case POLICE -> "999";
                case NUMBER -> action.title();
            } + " now. Do not ring in a drill.";
        }
        return switch (action.ring()) {
            case VISITING_STAFF -> PEOPLE.get(watch) == null ? String.join(", ", staffIds(watch)) : PEOPLE.get(watch);
            case PUPILS_HOME -> home(watch).isEmpty() ? "no home contact on record" : home(watch);
            case POLICE -> "999 (police)";
            case NUMBER -> action.title() + ": " + action.number();
        };
    }

    private String home(VariableScope watch) {
        return directory.contacts(PUPIL_ID.require(watch)).stream()
                .map(c -> c.name() + " (" + orUnknown(c.relationship()) + ") " + orUnknown(c.phone()))
                .collect(Collectors.joining("; "));
    }

    /** The people line of the briefing and the board; an outside-agency companion is marked as such. */
    static String people(List<Person> people) {
        return people.stream().map(p -> p.name() + " ("
                + (p.userId() == null ? "outside agency: " + orUnknown(p.organisation()) + ", " : "") + "mobile "
                + orUnknown(p.mobile()) + ")").collect(Collectors.joining(", "));
    }

    /** Each member of staff's mobile as the plan gave it, for {@link StaffSafetyProcess.Variables#STAFF_MOBILES}. */
    static String planMobiles(List<Person> people) {
        Map<String, String> mobiles = new LinkedHashMap<>();
        people.stream().filter(p -> p.userId() != null && p.mobile() != null && !p.mobile().isBlank())
                .forEach(p -> mobiles.put(p.userId(), p.mobile()));
        try {
            return JSON.writeValueAsString(mobiles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode the plan's mobiles", e);
        }
    }

    /** The watch's plan mobiles by user id; empty for a watch started before they were carried in. */
    static Map<String, String> planMobiles(VariableScope watch) {
        String encoded = STAFF_MOBILES.get(watch);
        if (encoded == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(encoded, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + STAFF_MOBILES + ": " + encoded, e);
        }
    }

    static List<String> staffIds(VariableScope watch) {
        return Arrays.stream(STAFF_USER_IDS.require(watch).split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    static String time(Date date) {
        return TIME.format(date.toInstant());
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "not recorded" : value;
    }

}
