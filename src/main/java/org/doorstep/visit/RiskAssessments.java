package org.doorstep.visit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each visit's risk assessment; the latest one for the same pupil or address is offered next time. */
@Repository
class RiskAssessments {

    private final JdbcClient jdbc;

    RiskAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Assessment(String visitReference, String pupilId, String address, boolean aggressiveFamilyMember,
            boolean knownIncidents, boolean dangerousAnimals, boolean driving, boolean publicAreas,
            boolean illnessOrInjury, boolean loneWorking, boolean registerHit, String controls, String riskLevel,
            Instant assessedAt) {
    }

    void save(Assessment a) {
        jdbc.sql("""
                INSERT INTO risk_assessment (visit_reference, pupil_id, address, aggressive_family_member, known_incidents,
                    dangerous_animals, driving, public_areas, illness_or_injury, lone_working, register_hit, controls,
                    risk_level, assessed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.visitReference(), a.pupilId(), a.address(), a.aggressiveFamilyMember(), a.knownIncidents(),
                        a.dangerousAnimals(), a.driving(), a.publicAreas(), a.illnessOrInjury(), a.loneWorking(),
                        a.registerHit(), a.controls(), a.riskLevel(), Timestamp.from(a.assessedAt()))
                .update();
    }

    /** The latest assessment of the same pupil, or of anyone at the same address (the same family). */
    Optional<Assessment> latestFor(String pupilId, String address) {
        return jdbc.sql("""
                SELECT visit_reference, pupil_id, address, aggressive_family_member, known_incidents, dangerous_animals,
                    driving, public_areas, illness_or_injury, lone_working, register_hit, controls, risk_level, assessed_at
                FROM risk_assessment WHERE pupil_id = ? OR (address IS NOT NULL AND address = ?)
                ORDER BY assessed_at DESC, id DESC""")
                .params(pupilId, address).query(Assessment.class).list().stream().findFirst();
    }
}
