package org.doorstep.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.doorstep.api.RefusedFileException;
import org.junit.jupiter.api.Test;

/** How a school's staff export maps to Doorstep's staff and roles, and which rows it refuses. */
class StaffCsvTest {

    private static final String HEADER = "username,first_name,last_name,role,email,mobile,dbs_checked_on,"
            + "vehicle_make,vehicle_model,vehicle_colour,vehicle_registration,leaver\n";

    @Test
    void aRowBecomesAMemberOfStaffWithTheirRoleVehicleAndDbsDate() {
        StaffCsv.Parsed parsed = StaffCsv.parse(HEADER
                + "vvance,Vera,Vance,Visiting staff,v.vance@school.example,07700 900123,2025-09-01,Ford,Fiesta,Blue,zz25 abc,no\n");

        assertThat(parsed.problems()).isEmpty();
        StaffCsv.Row row = parsed.rows().get(0);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.username()).isEqualTo("vvance");
        assertThat(row.fullName()).isEqualTo("Vera Vance");
        assertThat(row.roles()).containsExactly("visiting-staff");
        assertThat(row.email()).isEqualTo("v.vance@school.example");
        assertThat(row.mobile()).isEqualTo("07700 900123");
        assertThat(row.dbsCheckedOn()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(row.vehicleMake() + " " + row.vehicleModel() + " " + row.vehicleColour()).isEqualTo("Ford Fiesta Blue");
        assertThat(row.vehicleRegistration()).as("registrations are kept in capitals").isEqualTo("ZZ25 ABC");
        assertThat(row.leaver()).isFalse();
    }

    @Test
    void rolesAreNamedByGroupIdOrNameInAnySpellingAndSeveralMayShareARow() {
        StaffCsv.Parsed parsed = StaffCsv.parse("username,first_name,last_name,role\n"
                + "hhart,Helen,Hart,Headteacher; Designated safeguarding lead\n"
                + "oo,Olu,Okafor,school office\n"
                + "ll,Lena,Lowe,SENIOR_LEADERS\n"
                + "dd,Dev,Singh,DSL\n");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(StaffCsv.Row::roles).containsExactly(
                Set.of("headteacher", "dsl"), Set.of("office"), Set.of("senior-leaders"), Set.of("dsl"));
    }

    @Test
    void anAdministratorCannotBeMadeByASchoolsFileNorAnUnknownRole() {
        StaffCsv.Parsed parsed = StaffCsv.parse("username,first_name,last_name,role\n"
                + "sneaky,Sam,Sneak,camunda-admin\n"
                + "cook,Cal,Cook,dinner lady\n");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).extracting(StaffCsv.Problem::line).containsExactly(2, 3);
        assertThat(parsed.problems().get(0).reason()).contains("camunda-admin is not a school role")
                .contains("visiting-staff");
        assertThat(parsed.problems().get(1).reason()).contains("dinner lady is not a school role");
    }

    @Test
    void quotedCommasAndLineBreaksAByteOrderMarkAndSemicolonsAreReadExactly() {
        StaffCsv.Parsed commas = StaffCsv.parse("\uFEFFusername,first_name,last_name,role,job_title\r\n"
                + "pp,Pat,\"O'Neil, Jr\",office,\"Business manager,\r\nfinance\"\r\n"
                + "qq,Quin,Quill,office,Receptionist\r\n");
        assertThat(commas.problems()).isEmpty();
        assertThat(commas.rows().get(0).lastName()).isEqualTo("O'Neil, Jr");
        assertThat(commas.rows().get(0).jobTitle()).isEqualTo("Business manager,\r\nfinance");
        assertThat(commas.rows()).extracting(StaffCsv.Row::line).as("a row is named by the line it starts on").containsExactly(2, 4);

        StaffCsv.Parsed blankLine = StaffCsv.parse("username,first_name,last_name,role\n\nbb,Bo,Blank,office\n");
        assertThat(blankLine.rows()).extracting(StaffCsv.Row::line).as("a blank line is skipped but still counted").containsExactly(3);

        StaffCsv.Parsed semicolons = StaffCsv.parse("username;first_name;last_name;role;dbs_checked_on\nrr;Rae;Reed;dsl;01/09/2025\n");
        assertThat(semicolons.problems()).isEmpty();
        assertThat(semicolons.rows().get(0).dbsCheckedOn()).as("UK dates as school systems export them")
                .isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    void eachBadRowIsReportedWithItsLineAndReasonAndTheGoodOnesKept() {
        StaffCsv.Parsed parsed = StaffCsv.parse(HEADER
                + "good1,Gail,Good,office,,,,,,,,\n"
                + ",No,Name,office,,,,,,,,\n"
                + "bad email,Bea,Bad,office,,,,,,,,\n"
                + "mail,Mo,Mail,office,not-an-address,,,,,,,\n"
                + "phone,Pip,Phone,office,,call me,,,,,,\n"
                + "dbs,Di,Date,office,,,31/02/2025,,,,,\n"
                + "shift,Sh,Ift,office,,,,,,,,no,extra\n"
                + "good1,Gail,Again,office,,,,,,,,\n"
                + "left,Lee,Ver,office,,,,,,,,perhaps\n"
                + "good2,Glen,Good,dsl,,,,,,,,yes\n");

        assertThat(parsed.rows()).extracting(StaffCsv.Row::username).containsExactly("good1", "good2");
        assertThat(parsed.rows().get(1).leaver()).isTrue();
        assertThat(parsed.problems()).extracting(problem -> problem.line() + " " + problem.reason()).containsExactly(
                "3 username is missing",
                "4 username bad email may hold only letters, digits and dashes",
                "5 email not-an-address is not an e-mail address",
                "6 mobile call me is not a phone number",
                "7 dbs_checked_on 31/02/2025 is not a date (2025-09-01 or 01/09/2025)",
                "8 has 13 values but the first line names 12 columns (a comma inside a value needs the value in double quotes)",
                "9 username good1 is already on line 2",
                "10 leaver perhaps must be yes or no");
    }

    @Test
    void aValueTooLongForItsColumnIsABadRowNotAFailedImport() {
        StaffCsv.Parsed parsed = StaffCsv.parse("username,first_name,last_name,role,vehicle_registration\n"
                + "long,Lo,Ng,office,ABCDEFGHIJKLMNOP\n");
        assertThat(parsed.problems()).singleElement().extracting(StaffCsv.Problem::reason)
                .isEqualTo("vehicle_registration is longer than 12 characters");
    }

    @Test
    void aFileWithoutTheNeededColumnsOrWithAnUnknownOneIsRefusedWhole() {
        assertThatThrownBy(() -> StaffCsv.parse("")).isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> StaffCsv.parse("username,first_name,last_name\nx,y,z\n"))
                .isInstanceOf(RefusedFileException.class).hasMessageContaining("Missing column role");
        assertThatThrownBy(() -> StaffCsv.parse("username,first_name,last_name,role,e-mail\n"))
                .as("a misspelt column would otherwise lose every address silently")
                .isInstanceOf(RefusedFileException.class).hasMessageContaining("Unknown column e-mail");
        assertThatThrownBy(() -> StaffCsv.parse("username,first_name,last_name,role\nx,\"never closed,y,office\n"))
                .isInstanceOf(RefusedFileException.class).hasMessageContaining("cannot be read as CSV")
                .hasMessageContaining("starting on line 2 is never closed").hasMessageEndingWith("nothing was imported");
        assertThatThrownBy(() -> StaffCsv.parse("username,first_name,last_name,role,Email,email\n"))
                .as("which of the two would win is not the school's to guess")
                .isInstanceOf(RefusedFileException.class).hasMessageContaining("Column email appears twice");
        assertThatThrownBy(() -> StaffCsv.parse("username,first_name,,last_name,role\n"))
                .isInstanceOf(RefusedFileException.class).hasMessageContaining("Column 3 on the first line has no name");
    }
}
