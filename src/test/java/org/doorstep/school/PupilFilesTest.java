package org.doorstep.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.doorstep.api.RefusedFileException;
import org.junit.jupiter.api.Test;

/** The pupils CSV and the Common Transfer File, read without a database: the documented samples first. */
class PupilFilesTest {

    private static final String SCHOOL = "sample-school";

    private final List<ImportedPupil> pupils = new ArrayList<>();
    private final List<PupilImport.Problem> problems = new ArrayList<>();

    private void csv(Reader csv) {
        PupilCsv.read(csv, SCHOOL, pupils::add, problems::add);
    }

    private void sampleCsv() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("docs/samples/pupils.csv"), StandardCharsets.UTF_8)) {
            csv(in);
        }
    }

    private void ctf(String xml) {
        ctf(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private void ctf(InputStream xml) {
        PupilCtf.read(CommonTransferFile.read(xml), SCHOOL, pupils::add, problems::add);
    }

    @Test
    void theSamplePupilsCsvImportsQuotedCommasAndLineBreaksExactly() throws Exception {
        sampleCsv();

        assertThat(problems).isEmpty();
        assertThat(pupils).extracting(ImportedPupil::line).containsExactly(2, 4, 5);
        Pupil maisie = pupils.get(0).pupil();
        assertThat(maisie.id()).isEqualTo("A999900026001");
        assertThat(maisie.addressLine1()).isEqualTo("Flat 2, Orchard House");
        assertThat(maisie.addressLine2()).isEqualTo("14 Mill Lane\r\n(side door)");
        assertThat(maisie.dateOfBirth()).isEqualTo(LocalDate.of(2017, 3, 14));
        assertThat(maisie.vulnerable()).isFalse();
        assertThat(pupils.get(0).contacts()).containsExactly(
                new Contact("A999900026001", "Jo Example", "Mother", "07700 900101 / 01632 960101", "jo@example.invalid", true, 1),
                new Contact("A999900026001", "Sam Example", "Father", "07700 900102", null, true, 2));
        assertThat(pupils.get(1).contacts()).extracting(Contact::name, Contact::parentalResponsibility)
                .containsExactly(tuple("Specimen, Lee", false));
    }

    @Test
    void flagsMakeThePupilVulnerableAndSocialCareFlagsMakeThemKnownToSocialCare() throws Exception {
        sampleCsv();

        assertThat(pupils.get(0).flags()).isEmpty();
        assertThat(pupils.get(0).pupil().knownToSocialCare()).isFalse();
        assertThat(pupils.get(1).flags()).containsExactly(PupilFlag.CHILD_PROTECTION_PLAN);
        assertThat(pupils.get(1).pupil().vulnerable()).isTrue();
        assertThat(pupils.get(1).pupil().knownToSocialCare()).isTrue();
        assertThat(pupils.get(1).pupil().socialWorkerPhone()).isEqualTo("01632 960999");
        assertThat(pupils.get(2).flags()).containsExactlyInAnyOrder(PupilFlag.LOOKED_AFTER, PupilFlag.SEN_EHCP);
    }

    @Test
    void eachBadRowIsReportedWithItsLineAndColumnAndTheOthersAreRead() {
        csv(new StringReader("upn;first_name;last_name;date_of_birth;young_carer\r\n"
                + "A999900026001;Ann;One;2017-01-01;Y\r\n"
                + "NOT-A-UPN;Bob;Two;2017-01-01;N\r\n"
                + "A999900026003;;Three;2017-01-01;N\r\n"
                + "A999900026004;Dee;Four;31/02/2017;N\r\n"
                + "A999900026005;Eve;Five;05/06/2017;perhaps\r\n"
                + "A999900026006;Fay;Six;05/06/2017;\r\n"));

        assertThat(pupils).extracting(p -> p.pupil().id()).containsExactly("A999900026001", "A999900026006");
        assertThat(pupils.get(0).flags()).containsExactly(PupilFlag.YOUNG_CARER);
        assertThat(pupils.get(1).pupil().dateOfBirth()).isEqualTo(LocalDate.of(2017, 6, 5));
        assertThat(problems).extracting(PupilImport.Problem::line).containsExactly(3, 4, 5, 6);
        assertThat(problems).extracting(PupilImport.Problem::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("column upn: 'NOT-A-UPN' is not a unique pupil number"),
                r -> assertThat(r).isEqualTo("column first_name: missing"),
                r -> assertThat(r).startsWith("column date_of_birth: '31/02/2017' is not a date"),
                r -> assertThat(r).isEqualTo("column young_carer: 'perhaps' is not yes or no"));
    }

    @Test
    void aHeaderWithAnUnknownColumnIsRefusedWholeNamingIt() {
        assertThatThrownBy(() -> csv(new StringReader("upn,first_name,last_name,child_protection\nA999900026001,A,B,Y\n")))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("Column 4 of the header, 'child_protection', is not a column of the pupils file");
        assertThat(pupils).isEmpty();
    }

    @Test
    void theSampleCtfGivesPupilsAddressesContactsFlagsAndTheSocialWorker() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("docs/samples/families.ctf.xml"))) {
            ctf(in);
        }

        assertThat(problems).isEmpty();
        assertThat(pupils).hasSize(3);
        Pupil amir = pupils.get(0).pupil();
        assertThat(amir.fullName()).isEqualTo("Amir Example-Jones");
        assertThat(amir.yearGroup()).isEqualTo("Year 4");
        assertThat(amir.address()).isEqualTo("8 Willow Walk, Sampleton, ZZ1 2BA");
        assertThat(pupils.get(0).flags()).containsExactly(PupilFlag.SEN_EHCP);
        assertThat(amir.socialWorkerName()).isEqualTo("Morgan Caseworker");
        assertThat(amir.socialWorkerPhone()).isEqualTo("01632 960777");
        assertThat(amir.knownToSocialCare()).isTrue();
        assertThat(pupils.get(0).contacts()).containsExactly(new Contact("A999900026101", "Ms Rania Example-Jones", "Mother",
                "07700 900401 / 01632 960401", "rania@example.invalid", true, 1));
        Pupil lily = pupils.get(1).pupil();
        assertThat(lily.yearGroup()).isEqualTo("Reception");
        assertThat(lily.address()).isEqualTo("The Lodge, Park End, Upper Sampleton, Sampleton, ZZ1 3CA");
        assertThat(pupils.get(1).flags()).containsExactly(PupilFlag.LOOKED_AFTER);
        assertThat(pupils.get(2).flags()).as("Noah: no flag, so his visit comes on the ladder's Day 3").isEmpty();
        assertThat(pupils.get(2).pupil().knownToSocialCare()).isFalse();
    }

    @Test
    void theSampleCtfCarriesEachPupilsAttendanceMarksFromTheirStartDate() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("docs/samples/families.ctf.xml"))) {
            CommonTransferFile.Content file = CommonTransferFile.read(in);
            assertThat(file.full()).isFalse();
            assertThat(file.attendance()).extracting(CommonTransferFile.AttendanceYear::upn,
                    CommonTransferFile.AttendanceYear::startDate, CommonTransferFile.AttendanceYear::marks).containsExactly(
                    tuple("A999900026101", "2026-11-16", "/\\/\\NNNN"),
                    tuple("A999900026102", "2026-11-16", "/\\/\\/\\I I"));
            assertThat(file.attendance().get(1).path()).isEqualTo("CTfile/CTFpupilData/Pupil[2]/Attendance/YearData[1]");
        }
    }

    @Test
    void aBlankFirstSessionKeepsEveryLaterMarkOnItsOwnDay() {
        CommonTransferFile.Content file = CommonTransferFile.read(new ByteArrayInputStream("""
                <CTfile><CTFpupilData><Pupil><UPN>A999900026401</UPN><Attendance><YearData><AttendSessions>
                <AttendanceStartDate>2026-11-16</AttendanceStartDate><AttendanceMarks> \\NN</AttendanceMarks>
                </AttendSessions></YearData></Attendance></Pupil></CTFpupilData></CTfile>""".getBytes(StandardCharsets.UTF_8)));

        assertThat(file.attendance()).extracting(CommonTransferFile.AttendanceYear::marks).containsExactly(" \\NN");
    }

    @Test
    void aPupilWithoutAUpnOrWithABadValueIsReportedByItsXmlPath() {
        ctf("""
                <CTfile><Header><DocumentQualifier>full</DocumentQualifier></Header><CTFpupilData>
                <Pupil><Surname>No</Surname><Forename>Upn</Forename></Pupil>
                <Pupil><UPN>A999900026202</UPN><Surname>Bad</Surname><Forename>Date</Forename><DOB>2017-13-01</DOB></Pupil>
                <Pupil><UPN>A999900026203</UPN><Surname>Good</Surname><Forename>One</Forename>
                  <Contacts><Contact><Order>first</Order><Surname>X</Surname></Contact></Contacts></Pupil>
                <Pupil><UPN>A999900026204</UPN><Surname>Good</Surname><Forename>Two</Forename></Pupil>
                </CTFpupilData></CTfile>""");

        assertThat(pupils).extracting(p -> p.pupil().id()).containsExactly("A999900026204");
        assertThat(problems).extracting(PupilImport.Problem::line, PupilImport.Problem::reason).containsExactly(
                tuple(2, "CTfile/CTFpupilData/Pupil[1]/UPN: missing"),
                tuple(3, "CTfile/CTFpupilData/Pupil[2]/DOB: '2017-13-01' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
                tuple(4, "CTfile/CTFpupilData/Pupil[3]/Contacts/Contact[1]/Order: 'first' is not a number"));
    }

    @Test
    void aMalformedCtfIsRefusedNamingTheElementAndLine() {
        assertThatThrownBy(() -> ctf("""
                <CTfile><CTFpupilData>
                <Pupil><UPN>A999900026301</UPN><Surname>Broken</Surname>
                <Contacts><Contact><Surname>X</Contact></Contacts></Pupil>
                </CTFpupilData></CTfile>"""))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageStartingWith("The CTF is not well-formed XML at line 3, in CTfile/CTFpupilData/Pupil/Contacts/Contact/Surname:")
                .hasMessageEndingWith("nothing was imported");
        assertThat(pupils).isEmpty();
    }

    @Test
    void aFileThatIsNotACtfIsRefusedNamingItsRoot() {
        assertThatThrownBy(() -> ctf("<Pupils><Pupil><UPN>A999900026301</UPN></Pupil></Pupils>"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessage("The root element is 'Pupils', not 'CTfile': this is not a Common Transfer File; nothing was imported");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityCanReadAFileOrExpand() {
        assertThatThrownBy(() -> ctf("""
                <?xml version="1.0"?>
                <!DOCTYPE CTfile [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <CTfile><CTFpupilData><Pupil><UPN>A999900026401</UPN><Surname>&secret;</Surname><Forename>X</Forename></Pupil>
                </CTFpupilData></CTfile>"""))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("DOCTYPE");
        assertThat(pupils).isEmpty();
    }
}
