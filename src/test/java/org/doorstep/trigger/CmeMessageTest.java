package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_PHONE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.FAMILY_REACHED;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REASON_GIVEN;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_DECISION;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_SENT_TO;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_SUMMARY;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SAFEGUARDING_CONCERN;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.WHEREABOUTS;
import static org.doorstep.trigger.TriggerTestSupport.SCHOOL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.doorstep.DoorstepTest;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;

/**
 * The CME referral in the DfE's format: when the office cannot establish where a child is, the DSL's CME
 * referral ("Children missing education", August 2024) is also the XML message of the CTF specification's CME
 * appendix, validated against cme/cme-message.xsd before anyone downloads it.
 */
@DoorstepTest
class CmeMessageTest extends AbsenceScenarioSupport {

    static final LocalDate DAY_1 = LocalDate.of(2026, 11, 30);
    static final LocalDate DAY_2 = DAY_1.plusDays(1);
    private static final AtomicInteger PUPILS = new AtomicInteger();

    @Autowired
    CmeMessage cme;

    @Test
    void theDslsCmeReferralIsAValidCmeMessageCarryingThePupilTheFamilyTheSchoolAndTheFacts() throws Exception {
        Pupil pupil = pupilWithUpn(true);
        AbsenceCases.Referral referral = cmeReferral(pupil);

        HttpResponse<String> answer = get("dsl", referral.cmeXml());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(referral.caseReference() + "-cme-" + referral.id() + ".xml");
        assertThat(cme.problems(answer.body())).as("valid against the schema").isEmpty();

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
        XPath path = XPathFactory.newInstance().newXPath();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("/CMEfile/Header/DocumentName", "Children Missing Education");
        expected.put("/CMEfile/Header/CTFversion", "21.0");
        expected.put("/CMEfile/Header/DateTime", "2026-12-01T10:00:00");
        expected.put("/CMEfile/Header/DocumentQualifier", "partial");
        expected.put("/CMEfile/Header/SupplierID", "Doorstep");
        expected.put("/CMEfile/Header/SourceSchool/LEA", "999");
        expected.put("/CMEfile/Header/SourceSchool/Estab", "3001");
        expected.put("/CMEfile/Header/SourceSchool/URN", "990001");
        expected.put("/CMEfile/Header/SourceSchool/SchoolName", directory.school(SCHOOL).orElseThrow().name());
        expected.put("/CMEfile/Header/SourceSchool/AcademicYear", "2026");
        expected.put("/CMEfile/Header/DestSchool/LEA", "999");
        expected.put("/CMEfile/CMEpupilData/Pupil/UPN", pupil.id());
        expected.put("/CMEfile/CMEpupilData/Pupil/Surname", "Example-Jones");
        expected.put("/CMEfile/CMEpupilData/Pupil/Forename", "Amir");
        expected.put("/CMEfile/CMEpupilData/Pupil/DOB", "2017-09-05");
        expected.put("/CMEfile/CMEpupilData/Pupil/NCyearActual", "4");
        expected.put("/CMEfile/CMEpupilData/Pupil/Address/AddressLines/AddressLine1", "8 Willow Walk");
        expected.put("/CMEfile/CMEpupilData/Pupil/Address/AddressLines/AddressLine3", "Sampleton");
        expected.put("/CMEfile/CMEpupilData/Pupil/Address/PostCode", "ZZ1 2BA");
        expected.put("/CMEfile/CMEpupilData/Pupil/Contacts/Contact[1]/Order", "1");
        expected.put("/CMEfile/CMEpupilData/Pupil/Contacts/Contact[1]/Name", "Ms Rania Example-Jones");
        expected.put("/CMEfile/CMEpupilData/Pupil/Contacts/Contact[1]/Responsibility", "true");
        expected.put("/CMEfile/CMEpupilData/Pupil/Contacts/Contact[1]/Phones/Phone/PhoneNo", "07700 900401");
        expected.put("/CMEfile/CMEpupilData/Pupil/Contacts/Contact[2]/Name", "Mr Sami Example-Jones");
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/CaseReference", referral.caseReference());
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/ReferralDate", DAY_2.toString());
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/AbsentSince", DAY_1.toString());
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/WhereaboutsKnown", "false");
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/SafeguardingConcern", "false");
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/SocialWorker/Name", "Sam Example");
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/ReferredBy", "dsl");
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/SentTo", "CME officer, ref CME-7");
        expected.put("/CMEfile/CMEpupilData/Pupil/CME/Notes", "Family not at the address; neighbours say they moved.");
        expected.forEach((element, value) -> {
            try {
                assertThat(path.evaluate(element, xml)).as(element).isEqualTo(value);
            } catch (javax.xml.xpath.XPathExpressionException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theReferralListOffersTheXmlBesideThePdfForACmeReferralOnly() throws Exception {
        AbsenceCases.Referral referral = cmeReferral(pupilWithUpn(false));

        JsonNode listed = new ObjectMapper().readTree(get("dsl", "/api/absence-cases/" + referral.caseReference() + "/referrals")
                .body()).get(0);

        assertThat(listed.get("summaryPdf").asText()).endsWith("/referrals/" + referral.id() + "/summary.pdf");
        assertThat(listed.get("cmeXml").asText()).endsWith("/referrals/" + referral.id() + "/cme.xml");
        AbsenceCases.Referral other = new AbsenceCases.Referral(1, "CASE", TriggerAction.PNAR.name(), "notified", null, null,
                "dsl", java.time.Instant.EPOCH);
        assertThat(other.cmeXml()).as("a PNAR notification is no CME message").isNull();
        assertThat(other.summaryPdf()).isEqualTo("/api/absence-cases/CASE/referrals/1/summary.pdf");
    }

    @Test
    void onlyTheSchoolsDslAndHeadteacherGetTheMessageAndAnotherSchoolsDslIsToldItDoesNotExist() throws Exception {
        AbsenceCases.Referral referral = cmeReferral(pupilWithUpn(false));

        assertThat(get("head", referral.cmeXml()).statusCode()).isEqualTo(200);
        assertThat(get("office", referral.cmeXml()).statusCode()).as("need-to-know: not the office").isEqualTo(403);
        assertThat(get("visitor1", referral.cmeXml()).statusCode()).isEqualTo(403);
        assertThat(get("lyn-dsl", referral.cmeXml()).statusCode()).as("another school's DSL").isEqualTo(404);
        assertThat(get("dsl", referral.cmeXml().replace("/referrals/" + referral.id(), "/referrals/" + (referral.id() + 100_000)))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aPupilWithoutAUniquePupilNumberGetsAPlainRefusalNamingTheGapNotAnInvalidFileNorA500() throws Exception {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);   // made by hand: an id that is no UPN
        AbsenceCases.Referral referral = cmeReferral(pupil);

        HttpResponse<String> answer = get("dsl", referral.cmeXml());

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.get("detail").asText()).isEqualTo("The CME message for this referral cannot be made");
        assertThat(problem.get("problems").get(0).asText()).contains("unique pupil number (UPN)");
    }

    @Test
    void theSchemaRefusesAMessageWithoutAMandatoryElement() throws Exception {
        AbsenceCases.Referral referral = cmeReferral(pupilWithUpn(false));
        String valid = get("dsl", referral.cmeXml()).body();
        assertThat(cme.problems(valid)).isEmpty();

        for (String mandatory : List.of("UPN", "DOB", "LEA", "CaseReference", "AbsentSince", "WhereaboutsKnown", "ReferredBy")) {
            String without = valid.replaceFirst("<" + mandatory + ">[^<]*</" + mandatory + ">", "");
            assertThat(without).isNotEqualTo(valid);
            assertThat(cme.problems(without)).as("without " + mandatory).isNotEmpty();
        }
        assertThat(cme.problems(valid.replace("<CTFversion>21.0</CTFversion>", "<CTFversion>21</CTFversion>")))
                .as("a version must read NN.N").isNotEmpty();
    }

    @Test
    void yearGroupsBecomeNationalCurriculumYearsOrAreLeftOut() {
        assertThat(CmeMessage.ncYear("Year 5")).isEqualTo("5");
        assertThat(CmeMessage.ncYear("Reception")).isEqualTo("R");
        assertThat(CmeMessage.ncYear("Year 15")).isNull();
        assertThat(CmeMessage.ncYear("Nursery")).isNull();
        assertThat(CmeMessage.academicYear(LocalDate.of(2027, 8, 31))).isEqualTo(2026);
        assertThat(CmeMessage.academicYear(LocalDate.of(2026, 9, 1))).isEqualTo(2026);
    }

    /** A synthetic pupil as the school's CTF would bring it (docs/samples/families.ctf.xml): a UPN, two contacts. */
    private Pupil pupilWithUpn(boolean socialWorker) {
        String upn = "A%011d%d".formatted(System.nanoTime() % 100_000_000_000L, PUPILS.incrementAndGet() % 10);
        Pupil pupil = new Pupil(upn, SCHOOL, "Amir", "Example-Jones", LocalDate.of(2017, 9, 5), "Year 4", "8 Willow Walk",
                null, "Sampleton", "zz1 2ba", false, socialWorker, socialWorker ? "Sam Example" : null,
                socialWorker ? "01632 960999" : null);
        directory.addPupil(pupil, List.of(
                new Contact(upn, "Ms Rania Example-Jones", "Mother", "07700 900401", "rania@example.invalid", true, 1),
                new Contact(upn, "Mr Sami Example-Jones", "Father", null, null, true, 2)));
        register(pupil, TriggerTestSupport.TERM_START, DAY_1.minusDays(1), "/");
        return pupil;
    }

    @Test
    void aSafeguardingReferralHasNoCmeMessageAndTheCmeMessageCarriesTheConcern() throws Exception {
        Pupil pupil = pupilWithUpn(false);
        AbsenceCases.Referral referral = cmeReferral(pupil, true);
        AbsenceCases.Referral safeguarding = cases.referrals(referral.caseReference()).stream()
                .filter(r -> r.kind().equals(RecordAbsenceReferral.SAFEGUARDING_REFERRAL)).findFirst().orElseThrow();

        assertThat(safeguarding.cmeXml()).isNull();
        assertThat(get("dsl", safeguarding.summaryPdf().replace("summary.pdf", "cme.xml")).statusCode())
                .as("only a CME referral is a CME message").isEqualTo(404);
        assertThat(get("dsl", referral.cmeXml()).body())
                .contains("<SafeguardingConcern>true</SafeguardingConcern>");
    }

    private AbsenceCases.Referral cmeReferral(Pupil pupil) {
        return cmeReferral(pupil, false);
    }

    /**
     * Day 1 the office cannot establish where the child is (and may have a safeguarding concern, which the DSL
     * refers on Day 2); Day 2 the DSL makes the CME referral.
     */
    private AbsenceCases.Referral cmeReferral(Pupil pupil, boolean concern) {
        register(pupil, DAY_1, DAY_2, "N");
        evaluate(pupil, DAY_1);
        AbsenceCases.AbsenceCase open = openCase(pupil);
        Map<String, Object> contact = new HashMap<>();
        ATTEMPTED_PHONE.putInto(contact, true);
        FAMILY_REACHED.putInto(contact, false);
        REASON_GIVEN.putInto(contact, false);
        WHEREABOUTS.putInto(contact, AbsenceCaseProcess.WHEREABOUTS_UNKNOWN);
        SAFEGUARDING_CONCERN.putInto(contact, concern);
        completeAs("office", task(open.reference(), AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS), contact);
        evaluate(pupil, DAY_2);
        if (concern) {
            Map<String, Object> review = new HashMap<>();
            REFERRAL_DECISION.putInto(review, "safeguarding-referral");
            REFERRAL_SENT_TO.putInto(review, "Children's services front door");
            REFERRAL_SUMMARY.putInto(review, "No contact; a concern logged by the office.");
            completeAs("dsl", task(open.reference(), AbsenceCaseProcess.Elements.DSL_REVIEW), review);
        }
        Map<String, Object> form = new HashMap<>();
        REFERRAL_DECISION.putInto(form, "referred");
        REFERRAL_SENT_TO.putInto(form, "CME officer, ref CME-7");
        REFERRAL_SUMMARY.putInto(form, "Family not at the address; neighbours say they moved.");
        completeAs("dsl", task(open.reference(), AbsenceCaseProcess.Elements.CME_REFERRAL), form);
        return cases.referrals(open.reference()).stream()
                .filter(r -> r.kind().equals(TriggerAction.CME_REFERRAL.name())).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return call(user, path, r -> r.GET(), HttpResponse.BodyHandlers.ofString());
    }
}
