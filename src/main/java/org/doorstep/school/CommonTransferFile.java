package org.doorstep.school;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.doorstep.api.Problems;
import org.doorstep.api.RefusedFileException;

/**
 * Reads the parts of a DfE Common Transfer File that Doorstep needs, streaming, and never more. Section
 * numbers are those of the CTF 21 specification v1.1 (July 2021), the newest whose text we could read;
 * CTF 15 numbered the same sections one lower from SEN on. The header's DocumentQualifier (2.6 Message
 * header, 4.3.1 Header), and for each CTFpupilData/Pupil (4.3.2 Pupil data) its identifiers and basic
 * details (3.1.3, 3.1.4), looked-after status (3.1.7), SEN provision (3.1.9), address, phones and e-mail
 * (3.1.10), contacts (3.1.11) and the session-by-session attendance marks of each year (3.1.12).
 *
 * <p>The element names and nesting below Pupil were checked against a shipping MIS's CTF importer, not
 * against the specification's tables (their text was not available to us): AttendanceStartDate and
 * AttendanceMarks sit in YearData/AttendSessions, and the postcode is Address/PostCode, a sibling of
 * BS7666Address and AddressLines.
 *
 * <p>The file is parsed with DTDs and external entities switched off, and a DOCTYPE refuses the file:
 * a CTF never needs one, and an entity could read the server's files or exhaust its memory. A file that
 * is not well-formed XML, or whose root is not CTfile, is refused whole naming the element and line;
 * within a good file each pupil stands alone (see {@link PupilImport}).
 */
public final class CommonTransferFile {

    static final String ROOT = "CTfile";
    static final String PUPIL_PATH = ROOT + "/CTFpupilData/Pupil";
    private static final String ATTENDANCE_START = "AttendSessions/AttendanceStartDate";
    private static final String ATTENDANCE_MARKS = "AttendSessions/AttendanceMarks";

    private static final XMLInputFactory FACTORY = safeFactory();

    /**
     * One Attendance/YearData element (3.1.12): its AttendSessions' start date and marks, kept exactly as
     * written, because a blank at the start is a session too and trimming it would move every later mark.
     */
    public record AttendanceYear(String upn, int line, String path, String startDate, String marks) {
    }

    /** One CTFpupilData/Pupil: its leaf elements by path below Pupil, its contacts and attendance years. */
    record CtfPupil(int line, String path, Map<String, String> values, List<CtfContact> contacts,
            List<AttendanceYear> attendance) {

        String value(String element) {
            return values.get(element);
        }
    }

    record CtfContact(String path, Map<String, String> values) {

        String value(String element) {
            return values.get(element);
        }
    }

    /** What the file holds. */
    public static final class Content {

        private final boolean full;
        private final List<CtfPupil> pupils;

        private Content(boolean full, List<CtfPupil> pupils) {
            this.full = full;
            this.pupils = pupils;
        }

        /** The header says the file is a full transfer (DocumentQualifier "full"), not a partial one. */
        public boolean full() {
            return full;
        }

        List<CtfPupil> pupils() {
            return pupils;
        }

        /** Every pupil's attendance years, in file order. */
        public List<AttendanceYear> attendance() {
            return pupils.stream().flatMap(pupil -> pupil.attendance().stream()).toList();
        }
    }

    private CommonTransferFile() {
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /** Reads the whole file, or refuses it with {@link RefusedFileException} naming where it is malformed. */
    public static Content read(InputStream xml) {
        Deque<String> path = new ArrayDeque<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(xml);
            return read(reader, path);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new RefusedFileException("The CTF is not well-formed XML at line " + line
                    + (path.isEmpty() ? "" : ", in " + pathOf(path)) + ": "
                    + Problems.shorten(reason(e)) + "; nothing was imported");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // the answer is already decided; closing only frees the parser
                }
            }
        }
    }

    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int detail = message.indexOf("Message: ");
        return detail < 0 ? message : message.substring(detail + "Message: ".length());
    }

    private static Content read(XMLStreamReader reader, Deque<String> path) throws XMLStreamException {
        List<CtfPupil> pupils = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String qualifier = null;
        CtfPupil pupil = null;
        CtfContact contact = null;
        Map<String, String> yearData = null;
        int yearLine = 0;
        String yearPath = null;
        int pupilIndex = 0;
        int contactIndex = 0;
        int yearIndex = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new RefusedFileException("A CTF must not contain a DOCTYPE (line "
                        + reader.getLocation().getLineNumber() + "); nothing was imported");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new RefusedFileException("The CTF refers to entity '"
                        + Problems.shorten(reader.getLocalName()) + "' at line " + reader.getLocation().getLineNumber()
                        + ", in " + pathOf(path) + "; nothing was imported");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = reader.getLocalName();
                    if (path.isEmpty() && !ROOT.equals(name)) {
                        throw new RefusedFileException("The root element is '" + Problems.shorten(name) + "', not '" + ROOT
                                + "': this is not a Common Transfer File; nothing was imported");
                    }
                    String where = path.isEmpty() ? name : path.peek() + "/" + name;
                    path.push(where);
                    text.setLength(0);
                    int line = reader.getLocation().getLineNumber();
                    if (where.equals(PUPIL_PATH)) {
                        pupilIndex++;
                        contactIndex = 0;
                        yearIndex = 0;
                        pupil = new CtfPupil(line, PUPIL_PATH + "[" + pupilIndex + "]", new LinkedHashMap<>(), new ArrayList<>(),
                                new ArrayList<>());
                    } else if (pupil != null && where.equals(PUPIL_PATH + "/Contacts/Contact")) {
                        contactIndex++;
                        contact = new CtfContact(pupil.path() + "/Contacts/Contact[" + contactIndex + "]", new LinkedHashMap<>());
                    } else if (pupil != null && where.equals(PUPIL_PATH + "/Attendance/YearData")) {
                        yearIndex++;
                        yearData = new LinkedHashMap<>();
                        yearLine = line;
                        yearPath = pupil.path() + "/Attendance/YearData[" + yearIndex + "]";
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    String where = pathOf(path);
                    String value = text.toString().strip();
                    if (where.equals(ROOT + "/Header/DocumentQualifier")) {
                        qualifier = value;
                    } else if (where.equals(PUPIL_PATH)) {
                        pupils.add(pupil);
                        pupil = null;
                    } else if (contact != null && where.equals(PUPIL_PATH + "/Contacts/Contact")) {
                        pupil.contacts().add(contact);
                        contact = null;
                    } else if (yearData != null && where.equals(PUPIL_PATH + "/Attendance/YearData")) {
                        pupil.attendance().add(new AttendanceYear(pupil.value("UPN"), yearLine, yearPath,
                                yearData.get(ATTENDANCE_START), yearData.get(ATTENDANCE_MARKS)));
                        yearData = null;
                    } else if (!value.isEmpty()) {
                        if (contact != null) {
                            keep(contact.values(), below(where, PUPIL_PATH + "/Contacts/Contact/"), value);
                        } else if (yearData != null) {
                            String element = below(where, PUPIL_PATH + "/Attendance/YearData/");
                            keep(yearData, element, element.equals(ATTENDANCE_MARKS) ? text.toString() : value);
                        } else if (pupil != null) {
                            keep(pupil.values(), below(where, PUPIL_PATH + "/"), value);
                        }
                    }
                    text.setLength(0);
                    path.pop();
                }
                default -> {
                    // comments and processing instructions carry nothing Doorstep reads
                }
            }
        }
        return new Content("full".equalsIgnoreCase(qualifier), pupils);
    }

    /** The stack holds each open element's whole path, so a large file is not paid for once per element and depth. */
    private static String pathOf(Deque<String> path) {
        return path.isEmpty() ? "" : path.peek();
    }

    private static String below(String path, String prefix) {
        return path.substring(prefix.length());
    }

    /** Repeated leaves (several Phones/Phone/PhoneNo) are kept together, in file order. */
    private static void keep(Map<String, String> values, String element, String value) {
        values.merge(element, value, (first, next) -> first + " / " + next);
    }
}
