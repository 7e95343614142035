package org.doorstep.web;

import static org.doorstep.security.Roles.CAMUNDA_ADMIN;
import static org.doorstep.security.Roles.DSL;
import static org.doorstep.security.Roles.HEADTEACHER;
import static org.doorstep.security.Roles.OFFICE;
import static org.doorstep.security.Roles.SENIOR_LEADERS;
import static org.doorstep.security.Roles.VISITING_STAFF;

import java.util.Collection;
import java.util.List;

/**
 * Every door in Doorstep and the groups that may open it, declared once: the header, the home page
 * and the error pages ("what you may do instead") read this list, and the server's own rules refuse
 * the same people at the door itself.
 */
final class Navigation {

    static final List<Door> DOORS = List.of(
            new Door("Home", "/", "Your day's work.",
                    List.of(HEADTEACHER, DSL, OFFICE, VISITING_STAFF, SENIOR_LEADERS, CAMUNDA_ADMIN)),
            new Door("Tasklist", "/camunda/app/tasklist/default/", "Your visits and the decisions waiting for you.",
                    List.of(HEADTEACHER, DSL, OFFICE, VISITING_STAFF, SENIOR_LEADERS)),
            new Door("Request a visit", "/request-visit", "Ask for a visit to a pupil's home.",
                    List.of(VISITING_STAFF, OFFICE, HEADTEACHER, DSL)),
            new Door("Check in", "/check-in", "Arrived, I'm OK, leaving, back at school, emergency.",
                    List.of(VISITING_STAFF, OFFICE)),
            new Door("Safety board", "/safety-board", "Everyone out on a visit now, and anything overdue.",
                    List.of(OFFICE, SENIOR_LEADERS, HEADTEACHER, DSL)),
            new Door("Drills", "/drills", "Practise the overdue chain: everything says DRILL, nobody outside school is rung.",
                    List.of(SENIOR_LEADERS, HEADTEACHER)),
            new Door("Incidents", "/incidents", "Record an incident or near miss; leaders review them (Burgh 11).",
                    List.of(VISITING_STAFF, OFFICE, HEADTEACHER, DSL, SENIOR_LEADERS)),
            new Door("Safeguarding", "/safeguarding", "Concerns waiting for the safeguarding lead's decision.", List.of(DSL, HEADTEACHER)),
            new Door("Retention", "/retention", "Review the records due for destruction, and confirm.", List.of(HEADTEACHER, SENIOR_LEADERS)),
            new Door("Leaders' report", "/reports/timeliness", "How quickly families were reached, children seen and alerts taken.",
                    List.of(SENIOR_LEADERS, HEADTEACHER, DSL, CAMUNDA_ADMIN)),
            new Door("Cockpit", "/camunda/app/cockpit/default/", "Watch running and finished visits.",
                    List.of(SENIOR_LEADERS, HEADTEACHER, DSL, CAMUNDA_ADMIN)),
            new Door("Schools", "/schools", "Onboard a school, import its calendar, give users their schools.",
                    List.of(CAMUNDA_ADMIN)),
            new Door("Admin", "/camunda/app/admin/default/", "Users, groups and permissions.",
                    List.of(CAMUNDA_ADMIN)));

    static List<Door> doorsFor(Collection<String> groups) {
        return DOORS.stream().filter(door -> door.groups().stream().anyMatch(groups::contains)).toList();
    }

    private Navigation() {
    }
}
