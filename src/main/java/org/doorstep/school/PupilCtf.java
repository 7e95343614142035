package org.doorstep.school;

import static org.doorstep.school.ImportedPupil.date;
import static org.doorstep.school.ImportedPupil.optional;
import static org.doorstep.school.ImportedPupil.required;
import static org.doorstep.school.ImportedPupil.yesNo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.doorstep.api.Problems;

/**
 * Pupils and families from a Common Transfer File's pupil records (CTF 21 specification v1.1, 3.1 and
 * 4.3.2). The CTF carries looked-after status (3.1.7: LookedAfter/InCare) and SEN provision (3.1.9:
 * SENhistory/SEN/SENprovision, where we take "E" to be an education, health and care plan); it does not
 * carry child protection or child in need status (the DSL transfers the child protection file
 * separately), so those flags come from the CSV. A contact (3.1.11) whose Relationship is "SWR" is taken
 * to be the pupil's social worker, not a family contact.
 *
 * <p>Not verified against the specification's text, which we could not read beyond its contents page:
 * the Relationship code list and its descriptions (CBDS), the SENprovision code "E", and Responsibility
 * being true/false. They are the codes as we remember CBDS; a code we do not know is shown as written.
 */
final class PupilCtf {

    private static final Map<String, String> RELATIONSHIPS = Map.ofEntries(Map.entry("PAM", "Mother"),
            Map.entry("PAF", "Father"), Map.entry("STM", "Step-mother"), Map.entry("STF", "Step-father"),
            Map.entry("FOM", "Foster mother"), Map.entry("FOF", "Foster father"), Map.entry("GRM", "Grandmother"),
            Map.entry("GRF", "Grandfather"), Map.entry("CAR", "Carer"), Map.entry("REL", "Other relative"),
            Map.entry("OTH", "Other contact"));
    private static final String SOCIAL_WORKER = "SWR";

    private PupilCtf() {
    }

    static void read(CommonTransferFile.Content file, String schoolId, Consumer<ImportedPupil> pupils,
            Consumer<PupilImport.Problem> problems) {
        for (CommonTransferFile.CtfPupil pupil : file.pupils()) {
            try {
                pupils.accept(pupil(pupil, schoolId));
            } catch (ImportedPupil.BadValue e) {
                problems.accept(new PupilImport.Problem(pupil.line(), e.getMessage()));
            }
        }
    }

    private static ImportedPupil pupil(CommonTransferFile.CtfPupil ctf, String schoolId) {
        String at = ctf.path() + "/";
        String upn = ImportedPupil.upn(ctf.value("UPN"), at + "UPN");
        Set<PupilFlag> flags = EnumSet.noneOf(PupilFlag.class);
        if (yesNo(ctf.value("LookedAfter/InCare"), at + "LookedAfter/InCare")) {
            flags.add(PupilFlag.LOOKED_AFTER);
        }
        String provision = ctf.value("SENhistory/SEN/SENprovision");
        if (provision != null && Arrays.asList(provision.split(" / ")).contains("E")) {
            flags.add(PupilFlag.SEN_EHCP);
        }
        List<Contact> contacts = new ArrayList<>();
        String socialWorkerName = null;
        String socialWorkerPhone = null;
        for (CommonTransferFile.CtfContact contact : ctf.contacts()) {
            String where = contact.path() + "/";
            String name = required(joined(contact.value("Title"), contact.value("Forename"), contact.value("Surname")),
                    where + "Surname", 200);
            String phones = optional(contact.value("Phones/Phone/PhoneNo"), where + "Phones", 200);
            String relationship = contact.value("Relationship");
            if (SOCIAL_WORKER.equals(relationship)) {
                socialWorkerName = name;
                socialWorkerPhone = optional(phones, where + "Phones", 40);
                continue;
            }
            contacts.add(new Contact(upn, name,
                    optional(relationship == null ? null : RELATIONSHIPS.getOrDefault(relationship, relationship), where + "Relationship", 60),
                    phones, optional(contact.value("Email"), where + "Email", 200),
                    contact.value("Responsibility") == null || yesNo(contact.value("Responsibility"), where + "Responsibility"),
                    order(contact.value("Order"), where + "Order", contacts.size() + 1)));
        }
        String line1 = firstOf(joined(ctf.value("Address/BS7666Address/SAON"), ctf.value("Address/BS7666Address/PAON"),
                ctf.value("Address/BS7666Address/Street")), ctf.value("Address/AddressLines/AddressLine1"));
        String line2 = firstOf(ctf.value("Address/BS7666Address/Locality"), ctf.value("Address/AddressLines/AddressLine2"));
        String town = firstOf(ctf.value("Address/BS7666Address/Town"), ctf.value("Address/BS7666Address/PostTown"),
                ctf.value("Address/AddressLines/AddressLine3"));
        // 3.1.10: PostCode belongs to Address itself, beside whichever of BS7666Address or AddressLines is given
        String postcode = ctf.value("Address/PostCode");
        return new ImportedPupil(ctf.line(), ImportedPupil.pupil(upn, schoolId,
                required(firstOf(ctf.value("Forename"), ctf.value("BasicDetails/LegalForename")), at + "Forename", 100),
                required(firstOf(ctf.value("Surname"), ctf.value("BasicDetails/LegalSurname")), at + "Surname", 100),
                date(ctf.value("DOB"), at + "DOB"), yearGroup(ctf.value("BasicDetails/NCyearActual"), at + "BasicDetails/NCyearActual"),
                optional(line1, at + "Address", 200), optional(line2, at + "Address", 200), optional(town, at + "Address", 100),
                optional(postcode, at + "Address/Postcode", 12), flags, socialWorkerName, socialWorkerPhone),
                contacts, flags);
    }

    /** National curriculum year (CBDS): R reception, N1/N2 nursery, 1 to 14; shown as the school says it. */
    private static String yearGroup(String ncYear, String where) {
        String year = optional(ncYear, where, 17);
        if (year == null) {
            return null;
        }
        return switch (year) {
            case "R" -> "Reception";
            case "N1", "N2" -> "Nursery";
            default -> year.chars().allMatch(Character::isDigit) ? "Year " + Integer.parseInt(year) : year;
        };
    }

    private static int order(String value, String where, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ImportedPupil.BadValue(where, "'" + Problems.shorten(value) + "' is not a number");
        }
    }

    private static String joined(String... parts) {
        String text = Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? null : text;
    }

    private static String firstOf(String... values) {
        return Stream.of(values).filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
    }
}
