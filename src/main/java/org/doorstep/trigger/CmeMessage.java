package org.doorstep.trigger;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.doorstep.school.School;
import org.doorstep.workflow.EngineClock;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Children Missing Education referral as an XML message for the local authority, beside its PDF summary.
 * Its structure is cme/cme-message.xsd, transcribed from the CME appendix of the DfE's common transfer file
 * specification (CTF 21 v1.1, section 5) as far as its text was available; see that schema's annotation for
 * what is not verified. Every message is validated against the schema before anyone gets it, so an LA never
 * receives a file Doorstep itself would refuse.
 */
@Component
class CmeMessage {

    static final String SCHEMA = "cme/cme-message.xsd";
    /** The CTF specification whose CME appendix the schema follows. */
    static final String CTF_VERSION = "21.0";
    static final String SUPPLIER = "Doorstep";

    private static final Pattern DFE_NUMBER = Pattern.compile("(\\d{3})/?(\\d{4})");
    private static final Pattern UPN = Pattern.compile("[A-Z][0-9]{11}[0-9A-Z]");
    private static final Pattern YEAR = Pattern.compile("(?i)year\\s*(\\d{1,2})");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    /** The message cannot be made or is not valid: each problem in words, for the DSL to put right. */
    static final class Refused extends RuntimeException {

        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    private final Schema schema;

    CmeMessage() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The schema is ours and self-contained: nothing it or a message names may be fetched.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(new StreamSource(new ClassPathResource(SCHEMA).getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("the CME schema " + SCHEMA + " does not load", e);
        }
    }

    /** The message for one CME referral, validated; {@link Refused} when the school's records lack what it needs. */
    String render(AbsenceCases.Referral referral, AbsenceCases.AbsenceCase absenceCase, Pupil pupil, List<Contact> contacts,
            School school) {
        List<String> missing = new ArrayList<>();
        if (pupil.id() == null || !UPN.matcher(pupil.id()).matches()) {
            missing.add("the pupil's record has no unique pupil number (UPN): import the pupil from the school's CTF");
        }
        Matcher dfe = school == null || school.dfeNumber() == null ? null : DFE_NUMBER.matcher(school.dfeNumber());
        if (dfe == null || !dfe.matches()) {
            missing.add("the school has no DfE number (LA and establishment number, e.g. 999/3001)");
        }
        if (!missing.isEmpty()) {
            throw new Refused(missing);
        }
        String xml = write(referral, absenceCase, pupil, contacts, school, dfe.group(1), dfe.group(2));
        validate(xml);
        return xml;
    }

    /** Problems the schema finds in a message; empty when it is valid. */
    List<String> problems(String xml) {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private void validate(String xml) {
        List<String> problems = problems(xml);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    private static String write(AbsenceCases.Referral referral, AbsenceCases.AbsenceCase absenceCase, Pupil pupil,
            List<Contact> contacts, School school, String la, String establishment) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("CMEfile");
            xml.writeStartElement("Header");
            leaf(xml, "DocumentName", "Children Missing Education");
            leaf(xml, "CTFversion", CTF_VERSION);
            leaf(xml, "DateTime", DATE_TIME.format(EngineClock.schoolTime().truncatedTo(ChronoUnit.SECONDS)));
            leaf(xml, "DocumentQualifier", "partial");
            leaf(xml, "SupplierID", SUPPLIER);
            xml.writeStartElement("SourceSchool");
            leaf(xml, "LEA", la);
            leaf(xml, "Estab", establishment);
            optional(xml, "URN", school.urn());
            leaf(xml, "SchoolName", school.name());
            leaf(xml, "AcademicYear", Integer.toString(academicYear(EngineClock.today())));
            xml.writeEndElement();
            xml.writeStartElement("DestSchool");
            leaf(xml, "LEA", school.laNumber() == null || school.laNumber().isBlank() ? la : school.laNumber());
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("CMEpupilData");
            xml.writeStartElement("Pupil");
            leaf(xml, "UPN", pupil.id());
            leaf(xml, "Surname", pupil.lastName());
            leaf(xml, "Forename", pupil.firstName());
            leaf(xml, "DOB", pupil.dateOfBirth() == null ? "" : pupil.dateOfBirth().toString());
            optional(xml, "NCyearActual", ncYear(pupil.yearGroup()));
            xml.writeStartElement("Address");
            xml.writeStartElement("AddressLines");
            leaf(xml, "AddressLine1", pupil.addressLine1());
            optional(xml, "AddressLine2", pupil.addressLine2());
            optional(xml, "AddressLine3", pupil.town());
            xml.writeEndElement();
            optional(xml, "PostCode", pupil.postcode() == null ? null : pupil.postcode().trim().toUpperCase(Locale.ROOT));
            xml.writeEndElement();
            if (!contacts.isEmpty()) {
                xml.writeStartElement("Contacts");
                for (Contact contact : contacts) {
                    xml.writeStartElement("Contact");
                    leaf(xml, "Order", Integer.toString(contact.priority()));
                    leaf(xml, "Name", contact.name());
                    optional(xml, "Relationship", contact.relationship());
                    leaf(xml, "Responsibility", Boolean.toString(contact.parentalResponsibility()));
                    if (present(contact.phone())) {
                        xml.writeStartElement("Phones");
                        xml.writeStartElement("Phone");
                        leaf(xml, "PhoneNo", contact.phone());
                        xml.writeEndElement();
                        xml.writeEndElement();
                    }
                    optional(xml, "Email", contact.email());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeStartElement("CME");
            leaf(xml, "CaseReference", absenceCase.reference());
            leaf(xml, "ReferralDate", LocalDate.ofInstant(referral.decidedAt(), EngineClock.SCHOOL_ZONE).toString());
            leaf(xml, "AbsentSince", absenceCase.openedOn().toString());
            leaf(xml, "WhereaboutsKnown", Boolean.toString(!absenceCase.whereaboutsUnknown()));
            leaf(xml, "SafeguardingConcern", Boolean.toString(absenceCase.safeguardingIndicators()));
            if (pupil.hasSocialWorker()) {
                xml.writeStartElement("SocialWorker");
                leaf(xml, "Name", pupil.socialWorkerName());
                optional(xml, "Phone", pupil.socialWorkerPhone());
                xml.writeEndElement();
            }
            leaf(xml, "ReferredBy", referral.decidedBy());
            optional(xml, "SentTo", referral.sentTo());
            optional(xml, "Notes", referral.summary());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the CME message failed", e);
        }
        return out.toString();
    }

    /** The academic year a date falls in, named by the calendar year it starts (September). */
    static int academicYear(LocalDate day) {
        return day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    }

    /** "Year 5" is NC year 5 and "Reception" is R; a year group Doorstep cannot read is left out. */
    static String ncYear(String yearGroup) {
        if (yearGroup == null) {
            return null;
        }
        if (yearGroup.trim().equalsIgnoreCase("reception")) {
            return "R";
        }
        Matcher year = YEAR.matcher(yearGroup.trim());
        if (!year.matches()) {
            return null;
        }
        int number = Integer.parseInt(year.group(1));
        return number >= 1 && number <= 14 ? Integer.toString(number) : null;
    }

    private static void leaf(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value.strip());
        xml.writeEndElement();
    }

    private static void optional(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (present(value)) {
            leaf(xml, name, value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
