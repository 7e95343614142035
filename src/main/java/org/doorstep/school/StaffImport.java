package org.doorstep.school;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.doorstep.notification.Outbox;
import org.doorstep.notification.Outbox.Alert;
import org.doorstep.notification.Outbox.Channel;
import org.doorstep.notification.Outbox.Recipient;
import org.doorstep.records.AuditTrail;
import org.doorstep.security.PasswordLinks;
import org.doorstep.security.StaffAccounts;
import org.doorstep.security.StaffAccounts.Account;
import org.doorstep.workflow.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A school's staff from its own export ({@link StaffCsv}): each row becomes, or updates, the staff
 * record and the Camunda user ({@link StaffAccounts}). One transaction: good rows are applied
 * together with their accounts, audit entries and e-mails, or nothing is. Re-importing the same file
 * changes nothing. New users get a one-time link to set their password, e-mailed through the outbox
 * where they have an address. A member of staff marked as a leaver, or missing from a full import,
 * is deactivated and keeps every record that names them.
 */
@Service
class StaffImport {

    static final String SUBJECT = "staff";
    private static final DataClassRowMapper<Staff> STAFF = new DataClassRowMapper<>(Staff.class);

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final PasswordLinks links;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final SchoolDirectory directory;

    StaffImport(JdbcClient jdbc, StaffAccounts accounts, PasswordLinks links, Outbox outbox, AuditTrail audit,
            SchoolDirectory directory) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.links = links;
        this.outbox = outbox;
        this.audit = audit;
        this.directory = directory;
    }

    /**
     * @param full     the file lists every member of staff: whoever it leaves out has left
     * @param linkPage the set-password page's address, to which each link adds its token
     */
    @Transactional
    Report importCsv(School school, String csv, boolean full, String importer, String linkPage) {
        StaffCsv.Parsed parsed = StaffCsv.parse(csv);
        List<StaffCsv.Problem> problems = new ArrayList<>(parsed.problems());
        Map<String, Stored> current = stored(school.id());
        List<StaffCsv.Row> good = new ArrayList<>();
        for (StaffCsv.Row row : parsed.rows()) {
            if (!current.containsKey(row.username()) && accounts.exists(row.username())) {
                // Another school's staff, an administrator, a local-authority officer: not this file's to change.
                problems.add(new StaffCsv.Problem(row.line(), row.username(), "username " + row.username()
                        + " is taken by another Doorstep user; choose another, or ask an administrator"));
            } else {
                good.add(row);
            }
        }
        Tally tally = new Tally();
        for (StaffCsv.Row row : good) {
            apply(school, row, current.get(row.username()), importer, linkPage, tally);
        }
        String note = null;
        if (full && problems.isEmpty()) {
            Set<String> listed = new HashSet<>();
            parsed.rows().forEach(row -> listed.add(row.username()));
            current.values().stream().filter(stored -> stored.leftOn() == null && !listed.contains(stored.staff().id()))
                    .forEach(stored -> leave(school, stored.staff(), importer, "not in the full staff import", tally));
        } else if (full) {
            note = "Nobody was deactivated: a full import deactivates the staff it leaves out only when every row is good,"
                    + " so that a row with a mistake never makes someone a leaver";
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        Report report = new Report(school.id(), full, tally.created, tally.updated, tally.unchanged, tally.left, tally.returned,
                problems, note, tally.links);
        audit.record(importer, "STAFF_IMPORTED", "school", school.id(), "%s import: %d created, %d updated, %d unchanged, %d left, %d returned, %d rows refused"
                .formatted(full ? "full" : "partial", report.created(), report.updated(), report.unchanged(), report.left().size(),
                        report.returned().size(), problems.size()));
        return report;
    }

    /** A fresh link for a member of staff of the school who has not left (the administrator's "send it again"). */
    @Transactional
    Link newLink(School school, String userId, String issuer, String linkPage) {
        Stored stored = stored(school.id()).get(userId);
        if (stored == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No member of staff " + userId + " at " + school.name());
        }
        if (stored.leftOn() != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, userId + " left on " + stored.leftOn()
                    + "; import them again (not as a leaver) before they may sign in");
        }
        audit.record(issuer, "PASSWORD_LINK_ISSUED", SUBJECT, userId, "school " + school.id());
        return link(school, stored.staff(), issuer, linkPage);
    }

    private void apply(School school, StaffCsv.Row row, Stored stored, String importer, String linkPage, Tally tally) {
        if (stored == null) {
            if (row.leaver()) {
                tally.unchanged++;
                return;
            }
            Staff staff = merged(school.id(), row, null);
            directory.addStaff(staff);
            accounts.save(account(school, row, staff));
            audit.record(importer, "STAFF_CREATED", SUBJECT, staff.id(), "school " + school.id() + "; roles " + String.join(", ", row.roles()));
            tally.created++;
            tally.links.add(link(school, staff, importer, linkPage));
            return;
        }
        if (row.leaver()) {
            if (stored.leftOn() == null) {
                leave(school, stored.staff(), importer, "marked as a leaver", tally);
            } else {
                tally.unchanged++;
            }
            return;
        }
        Staff staff = merged(school.id(), row, stored.staff());
        List<String> changes = changes(stored.staff(), staff);
        if (!changes.isEmpty()) {
            update(staff);
        }
        List<String> accountChanges = accounts.save(account(school, row, staff));
        changes.addAll(accountChanges);
        if (accountChanges.contains(StaffAccounts.CREATED)) {
            // The record was there but its user was removed by hand in Admin: the new user needs a link like any other.
            tally.links.add(link(school, staff, importer, linkPage));
        }
        if (stored.leftOn() != null) {
            jdbc.sql("UPDATE staff SET left_on = NULL WHERE id = ?").param(staff.id()).update();
            // No link: the administrator sends one once they know it is really them (see newLink).
            audit.record(importer, "STAFF_RETURNED", SUBJECT, staff.id(), "school " + school.id() + "; " + String.join(", ", changes));
            tally.returned.add(staff.id());
        } else if (!changes.isEmpty()) {
            audit.record(importer, "STAFF_UPDATED", SUBJECT, staff.id(), "school " + school.id() + "; changed " + String.join(", ", changes));
            tally.updated++;
        } else {
            tally.unchanged++;
        }
    }

    private void leave(School school, Staff staff, String importer, String why, Tally tally) {
        accounts.deactivate(staff.id(), school.id());
        jdbc.sql("UPDATE staff SET left_on = ? WHERE id = ?").params(Date.valueOf(EngineClock.today()), staff.id()).update();
        audit.record(importer, "STAFF_LEFT", SUBJECT, staff.id(), "school " + school.id() + "; " + why);
        tally.left.add(staff.id());
    }

    private Link link(School school, Staff staff, String issuer, String linkPage) {
        PasswordLinks.Issued issued = links.issue(staff.id(), issuer);
        String link = linkPage + "#token=" + issued.token();
        boolean emailed = staff.email() != null;
        if (emailed) {
            String expires = issued.expiresAt().atZone(EngineClock.SCHOOL_ZONE).toLocalDateTime().withSecond(0).withNano(0)
                    .toString().replace('T', ' ');
            outbox.queue(new Alert("password-link:" + staff.id() + ":" + issued.expiresAt().toEpochMilli(), school.id(), null,
                    "Set your Doorstep password",
                    """
                    Hello %s,

                    %s has given you a Doorstep account. Your username is %s.
                    Choose your password here (the link works once, until %s):

                    %s

                    If you did not expect this e-mail, tell your school office and do not open the link."""
                            .formatted(staff.fullName(), school.name(), staff.id(), expires, link)),
                    Channel.EMAIL, List.of(new Recipient(staff.id(), staff.email())));
        }
        return new Link(staff.id(), link, issued.expiresAt(), emailed);
    }

    private static Account account(School school, StaffCsv.Row row, Staff staff) {
        return new Account(row.username(), row.firstName(), row.lastName(), staff.email(), row.roles(), school.id());
    }

    /** The row laid over what is stored: a column the file does not have keeps the stored value. */
    private static Staff merged(String schoolId, StaffCsv.Row row, Staff stored) {
        Function<String, Boolean> given = column -> stored == null || row.has(column);
        return new Staff(row.username(), schoolId, row.fullName(),
                given.apply(StaffCsv.JOB_TITLE) ? row.jobTitle() : stored.jobTitle(),
                given.apply(StaffCsv.MOBILE) ? row.mobile() : stored.mobile(),
                given.apply(StaffCsv.EMAIL) ? row.email() : stored.email(),
                given.apply(StaffCsv.DBS_CHECKED_ON) ? row.dbsCheckedOn() : stored.dbsCheckedOn(),
                given.apply(StaffCsv.VEHICLE_MAKE) ? row.vehicleMake() : stored.vehicleMake(),
                given.apply(StaffCsv.VEHICLE_MODEL) ? row.vehicleModel() : stored.vehicleModel(),
                given.apply(StaffCsv.VEHICLE_REGISTRATION) ? row.vehicleRegistration() : stored.vehicleRegistration(),
                given.apply(StaffCsv.VEHICLE_COLOUR) ? row.vehicleColour() : stored.vehicleColour(),
                given.apply(StaffCsv.VEHICLE_INSURED_UNTIL) ? row.vehicleInsuredUntil() : stored.vehicleInsuredUntil());
    }

    /** The staff record's fields that differ, by column name (values stay out of the audit trail). */
    private static List<String> changes(Staff before, Staff after) {
        Map<String, Function<Staff, Object>> fields = new LinkedHashMap<>();
        fields.put("name", Staff::fullName);
        fields.put(StaffCsv.JOB_TITLE, Staff::jobTitle);
        fields.put(StaffCsv.MOBILE, Staff::mobile);
        fields.put(StaffCsv.EMAIL, Staff::email);
        fields.put(StaffCsv.DBS_CHECKED_ON, Staff::dbsCheckedOn);
        fields.put(StaffCsv.VEHICLE_MAKE, Staff::vehicleMake);
        fields.put(StaffCsv.VEHICLE_MODEL, Staff::vehicleModel);
        fields.put(StaffCsv.VEHICLE_REGISTRATION, Staff::vehicleRegistration);
        fields.put(StaffCsv.VEHICLE_COLOUR, Staff::vehicleColour);
        fields.put(StaffCsv.VEHICLE_INSURED_UNTIL, Staff::vehicleInsuredUntil);
        List<String> changed = new ArrayList<>();
        fields.forEach((name, field) -> {
            if (!Objects.equals(field.apply(before), field.apply(after))) {
                changed.add(name);
            }
        });
        return changed;
    }

    private void update(Staff staff) {
        jdbc.sql("""
                UPDATE staff SET full_name = ?, job_title = ?, mobile = ?, email = ?, dbs_checked_on = ?, vehicle_make = ?,
                    vehicle_model = ?, vehicle_registration = ?, vehicle_colour = ?, vehicle_insured_until = ?
                WHERE id = ?""")
                .params(staff.fullName(), staff.jobTitle(), staff.mobile(), staff.email(), staff.dbsCheckedOn(),
                        staff.vehicleMake(), staff.vehicleModel(), staff.vehicleRegistration(), staff.vehicleColour(),
                        staff.vehicleInsuredUntil(), staff.id())
                .update();
    }

    private Map<String, Stored> stored(String schoolId) {
        Map<String, Stored> stored = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM staff WHERE school_id = ? ORDER BY id").param(schoolId)
                .query((rs, n) -> new Stored(STAFF.mapRow(rs, n), rs.getObject("left_on", LocalDate.class)))
                .list().forEach(row -> stored.put(row.staff().id(), row));
        return stored;
    }

    private record Stored(Staff staff, LocalDate leftOn) {
    }

    private static final class Tally {
        int created;
        int updated;
        int unchanged;
        final List<String> left = new ArrayList<>();
        final List<String> returned = new ArrayList<>();
        final List<Link> links = new ArrayList<>();
    }

    /**
     * What an import did. {@code left}: deactivated now; {@code returned}: leavers listed again, active
     * once more, who need a new link from an administrator; {@code links}: one per new user.
     */
    record Report(String schoolId, boolean full, int created, int updated, int unchanged, List<String> left,
            List<String> returned, List<StaffCsv.Problem> problems, String note, List<Link> links) {
    }

    /** A set-password link: shown to whoever imported or issued it, e-mailed when the user has an address. */
    record Link(String username, String link, Instant expiresAt, boolean emailed) {
    }
}
