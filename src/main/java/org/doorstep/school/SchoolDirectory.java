package org.doorstep.school;

import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.doorstep.security.SchoolColleagues;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schools, pupils, their contacts and staff: the directory every other feature reads. */
@Service
public class SchoolDirectory {

    private static final String SCHOOL = "SELECT id, name, phone, email, address, urn, la_number, dfe_number, reference_prefix FROM school";

    /*
     * The pupil and school of every pupil page are mapped by hand, in the SELECT's column order: mapping rows by
     * record class (JdbcClient's query(Class)) cost the pages far more than the queries (docs/benchmarks.md "Pages").
     */
    private static final RowMapper<School> SCHOOL_ROW = (rs, row) -> new School(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));

    private static final String PUPIL = """
            SELECT id, school_id, first_name, last_name, date_of_birth, year_group, address_line1, address_line2, town,
            postcode, vulnerable, known_to_social_care, social_worker_name, social_worker_phone FROM pupil""";

    private static final RowMapper<Pupil> PUPIL_ROW = (rs, row) -> {
        Date born = rs.getDate(5);
        return new Pupil(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                born == null ? null : born.toLocalDate(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getBoolean(11), rs.getBoolean(12), rs.getString(13), rs.getString(14));
    };

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final SchoolColleagues colleagues;

    SchoolDirectory(JdbcClient jdbc, IdentityService identityService, SchoolColleagues colleagues) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.colleagues = colleagues;
    }

    public Optional<School> school(String id) {
        return jdbc.sql(SCHOOL + " WHERE id = ?").param(id).query(SCHOOL_ROW).optional();
    }

    public List<School> schools() {
        return jdbc.sql(SCHOOL + " ORDER BY name").query(SCHOOL_ROW).list();
    }

    public Optional<Pupil> pupil(String id) {
        return jdbc.sql(PUPIL + " WHERE id = ?").param(id).query(PUPIL_ROW).optional();
    }

    public Pupil requirePupil(String id) {
        return pupil(id).orElseThrow(() -> new UnknownPupilException(id));
    }

    /** The pupils on the school's roll today: those who have left keep their records but are not listed. */
    public List<Pupil> pupils(String schoolId) {
        return jdbc.sql(PUPIL + " WHERE school_id = ? AND left_on IS NULL ORDER BY last_name, first_name")
                .param(schoolId).query(PUPIL_ROW).list();
    }

    public List<Contact> contacts(String pupilId) {
        return jdbc.sql("""
                SELECT pupil_id, name, relationship, phone, email, parental_responsibility, priority
                FROM contact WHERE pupil_id = ? ORDER BY priority, name""")
                .param(pupilId).query(Contact.class).list();
    }

    public Optional<Staff> staff(String id) {
        return jdbc.sql("SELECT * FROM staff WHERE id = ?").param(id).query(Staff.class).optional();
    }

    /** The school's staff by name: whom a plan may put on a visit. */
    public List<Staff> staffOf(String schoolId) {
        return jdbc.sql("SELECT * FROM staff WHERE school_id = ? ORDER BY full_name").param(schoolId).query(Staff.class).list();
    }

    public List<Staff> staff(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM staff WHERE id IN (:ids) ORDER BY full_name").param("ids", ids).query(Staff.class).list();
    }

    /** Adds the pupil and their contacts unless a pupil with that id exists; returns whether it was added. */
    @Transactional
    public boolean addPupil(Pupil pupil, List<Contact> contacts) {
        if (pupil(pupil.id()).isPresent()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO pupil (id, school_id, first_name, last_name, date_of_birth, year_group, address_line1,
                    address_line2, town, postcode, vulnerable, known_to_social_care, social_worker_name, social_worker_phone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(pupil.id(), pupil.schoolId(), pupil.firstName(), pupil.lastName(), pupil.dateOfBirth(),
                        pupil.yearGroup(), pupil.addressLine1(), pupil.addressLine2(), pupil.town(), pupil.postcode(),
                        pupil.vulnerable(), pupil.knownToSocialCare(), pupil.socialWorkerName(), pupil.socialWorkerPhone())
                .update();
        for (Contact contact : contacts) {
            jdbc.sql("""
                    INSERT INTO contact (pupil_id, name, relationship, phone, email, parental_responsibility, priority)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(pupil.id(), contact.name(), contact.relationship(), contact.phone(), contact.email(),
                            contact.parentalResponsibility(), contact.priority())
                    .update();
        }
        return true;
    }

    /**
     * Makes the user a member of the school (of its tenant), so they work on its visits and see its
     * staff in user lists.
     */
    @Transactional
    public void addMember(String userId, String schoolId) {
        if (identityService.createTenantQuery().userMember(userId).tenantId(schoolId).count() == 0) {
            identityService.createTenantUserMembership(schoolId, userId);
        }
        colleagues.reconcile(userId);
    }

    /** Adds the member of staff unless one with that id exists; returns whether they were added. */
    @Transactional
    public boolean addStaff(Staff staff) {
        if (staff(staff.id()).isPresent()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO staff (id, school_id, full_name, job_title, mobile, email, dbs_checked_on, vehicle_make,
                    vehicle_model, vehicle_registration, vehicle_colour, vehicle_insured_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(staff.id(), staff.schoolId(), staff.fullName(), staff.jobTitle(), staff.mobile(), staff.email(),
                        staff.dbsCheckedOn(), staff.vehicleMake(), staff.vehicleModel(), staff.vehicleRegistration(),
                        staff.vehicleColour(), staff.vehicleInsuredUntil())
                .update();
        return true;
    }
}
