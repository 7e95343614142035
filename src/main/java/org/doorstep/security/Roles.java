package org.doorstep.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Camunda groups Doorstep knows. A group id is what BPMN candidate groups, Tasklist filters and
 * policy profiles name; which group does what at a school is the policy profile's business.
 */
public final class Roles {

    public static final String HEADTEACHER = "headteacher";
    public static final String DSL = "dsl";
    public static final String OFFICE = "office";
    public static final String VISITING_STAFF = "visiting-staff";
    public static final String SENIOR_LEADERS = "senior-leaders";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Every group, with the name people see in Admin and Tasklist. */
    public static final List<Role> ALL = List.of(
            new Role(HEADTEACHER, "Headteacher"),
            new Role(DSL, "Designated safeguarding lead"),
            new Role(OFFICE, "School office"),
            new Role(VISITING_STAFF, "Visiting staff"),
            new Role(SENIOR_LEADERS, "Senior leaders"),
            new Role(CAMUNDA_ADMIN, "Doorstep administrators"));

    /** Groups that work in Tasklist. */
    public static final List<String> TASKLIST_GROUPS = List.of(HEADTEACHER, DSL, OFFICE, VISITING_STAFF, SENIOR_LEADERS);

    /** Groups that watch visits in Cockpit (read only); administrators have Cockpit too. */
    public static final List<String> MONITORING_GROUPS = List.of(SENIOR_LEADERS, HEADTEACHER, DSL);

    /**
     * The school role a staff export names, by group id or by the name above, in any case and with
     * spaces, dashes or underscores alike ("Visiting staff", "visiting_staff", "DSL"). Never the
     * administrators' group: administrators are made in Admin, not by a school's file.
     */
    public static Optional<Role> schoolRole(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = spelling(text);
        return ALL.stream().filter(role -> TASKLIST_GROUPS.contains(role.id()))
                .filter(role -> spelling(role.id()).equals(wanted) || spelling(role.name()).equals(wanted))
                .findFirst();
    }

    private static String spelling(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
    }

    /** Spring Security authority for a group: lets @PreAuthorize and URL rules speak in group ids. */
    public static String authority(String groupId) {
        return "GROUP_" + groupId;
    }

    public record Role(String id, String name) {
    }

    private Roles() {
    }
}
