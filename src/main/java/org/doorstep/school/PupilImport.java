package org.doorstep.school;

import java.io.InputStream;
import java.io.Reader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.doorstep.database.TableStatistics;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pupils and families of one school from its MIS: the pupils CSV or a Common Transfer File.
 *
 * <p>Re-import is an upsert keyed by UPN. A changed name, address, flag, social worker or contact is
 * updated and the value it replaced is kept in pupil_history with the import that replaced it. A pupil
 * missing from a full import is marked as left (left_on), never deleted, so their visits, cases and
 * register stay. The rule for bad input is the register's: a file that cannot be trusted is refused
 * whole; otherwise each bad record is reported with its line (and column or XML path) and the good ones
 * are applied, all in one transaction. Importing the same file again changes nothing.
 */
@Service
public class PupilImport {

    /** Problems listed in an import's answer; the count covers them all. */
    public static final int REPORTED_PROBLEMS = 100;
    private static final int HISTORY_VALUE = 1_000;
    private static final int REASON_LENGTH = 300;

    public enum Format {
        CSV, CTF
    }

    public record Problem(int line, String reason) {
    }

    /** What an import did; {@code note} says why no one was marked as left when that was held back. */
    public record Report(long importId, String school, Format format, boolean full, int recordsRead, int added, int updated,
            int unchanged, int markedLeft, int rejectedCount, List<Problem> rejected, String note) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AuditTrail audit;
    private final TableStatistics statistics;
    private final ApplicationEventPublisher events;

    PupilImport(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AuditTrail audit, TableStatistics statistics,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.audit = audit;
        this.statistics = statistics;
        this.events = events;
    }

    @Transactional
    public Report importCsv(String schoolId, Reader csv, boolean full, String source, String importedBy) {
        Collected file = new Collected();
        PupilCsv.read(csv, schoolId, file.pupils::add, file::problem);
        return apply(schoolId, Format.CSV, full, file, source, importedBy);
    }

    /** A CTF is full or partial as its header says, unless {@code full} overrides it. */
    @Transactional
    public Report importCtf(String schoolId, InputStream xml, Boolean full, String source, String importedBy) {
        CommonTransferFile.Content content = CommonTransferFile.read(xml);
        Collected file = new Collected();
        PupilCtf.read(content, schoolId, file.pupils::add, file::problem);
        return apply(schoolId, Format.CTF, full == null ? content.full() : full, file, source, importedBy);
    }

    /** The file's pupils and problems; problems on one line (a wide record, minified XML) are told together. */
    private static final class Collected {
        final List<ImportedPupil> pupils = new ArrayList<>();
        final Map<Integer, String> problems = new LinkedHashMap<>();

        void problem(Problem problem) {
            problems.merge(problem.line(), problem.reason(), (first, next) -> first + "; " + next);
        }
    }

    private record Existing(Pupil pupil, LocalDate leftOn, List<Contact> contacts, Set<PupilFlag> flags) {
    }

    private Report apply(String schoolId, Format format, boolean full, Collected file, String source, String importedBy) {
        Map<String, String> schoolOfPupil = new HashMap<>();
        jdbc.sql("SELECT id, school_id FROM pupil").query(rs -> {
            schoolOfPupil.put(rs.getString(1), rs.getString(2));
        });
        Map<String, Existing> existing = existing(schoolId);
        // The school's first import brings the pupils it already had; only later ones admit new pupils.
        LocalDate admittedOn = jdbc.sql("SELECT COUNT(*) FROM pupil_import WHERE school_id = ?").param(schoolId)
                .query(Long.class).single() == 0 ? null : EngineClock.today();
        long importId = startImport(schoolId, format, full, source, importedBy);
        Timestamp now = Timestamp.from(EngineClock.now());
        Writes writes = new Writes(importId, now, admittedOn);
        Map<String, Integer> lineOfUpn = new HashMap<>();
        int read = file.pupils.size() + file.problems.size();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (ImportedPupil imported : file.pupils) {
            String upn = imported.pupil().id();
            Integer earlier = lineOfUpn.putIfAbsent(upn, imported.line());
            String otherSchool = schoolOfPupil.get(upn);
            if (earlier != null) {
                file.problem(new Problem(imported.line(), "UPN " + upn + " already appears on line " + earlier));
            } else if (otherSchool != null && !otherSchool.equals(schoolId)) {
                file.problem(new Problem(imported.line(), "UPN " + upn
                        + " is on the roll of another school in Doorstep; an administrator must record the move first"));
            } else if (!existing.containsKey(upn)) {
                writes.add(imported);
                added++;
            } else if (writes.update(existing.get(upn), imported)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        String note = null;
        int left = 0;
        if (full && !file.problems.isEmpty()) {
            note = "A full import with rejected records marks no one as left: put the records right and import the file again";
        } else if (full) {
            for (Existing pupil : existing.values()) {
                if (pupil.leftOn() == null && !lineOfUpn.containsKey(pupil.pupil().id())) {
                    writes.left(pupil.pupil().id(), EngineClock.today());
                    left++;
                }
            }
        }
        writes.flush();
        if (admittedOn != null && !writes.admitted.isEmpty()) {
            events.publishEvent(new PupilsAdmitted(schoolId, List.copyOf(writes.admitted), admittedOn));
        }
        List<Problem> problems = file.problems.entrySet().stream().map(entry -> new Problem(entry.getKey(), entry.getValue())).toList();
        batch("INSERT INTO pupil_import_problem (import_id, line, reason) VALUES (?, ?, ?)", problems.stream()
                .map(problem -> new Object[] {importId, problem.line(), cut(problem.reason(), REASON_LENGTH)}).toList());
        jdbc.sql("""
                UPDATE pupil_import SET records_read = ?, added = ?, updated = ?, unchanged = ?, marked_left = ?, rejected = ?
                WHERE id = ?""").params(read, added, updated, unchanged, left, problems.size(), importId).update();
        audit.record(importedBy, "PUPILS_IMPORTED", "school", schoolId, "%s (%s, %s, import %d): %d read, %d added, %d updated, %d unchanged, %d marked as left, %d rejected"
                .formatted(source, format, full ? "full" : "partial", importId, read, added, updated, unchanged, left, problems.size()));
        // The pupils and contacts the evaluation and the pages read by pupil and school.
        statistics.refreshAfterImport(added + updated, List.of("pupil", "contact", "pupil_flag"));
        return new Report(importId, schoolId, format, full, read, added, updated, unchanged, left, problems.size(),
                problems.stream().limit(REPORTED_PROBLEMS).toList(), note);
    }

    /**
     * The school's pupils, contacts and flags, one query a table. Rows are mapped by hand: mapping records by
     * property name makes the PostgreSQL driver throw (and the mapper catch) an exception for every camel-case
     * field of every row, which cost most of an unchanged re-import of 100,000 pupils.
     */
    private Map<String, Existing> existing(String schoolId) {
        Map<String, List<Contact>> contacts = new HashMap<>();
        jdbc.sql("""
                SELECT c.pupil_id, c.name, c.relationship, c.phone, c.email, c.parental_responsibility, c.priority
                FROM contact c JOIN pupil p ON p.id = c.pupil_id WHERE p.school_id = ? ORDER BY c.priority, c.name""")
                .param(schoolId).query(rs -> {
                    contacts.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new Contact(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getInt(7)));
                });
        Map<String, Set<PupilFlag>> flags = new HashMap<>();
        jdbc.sql("SELECT f.pupil_id, f.flag FROM pupil_flag f JOIN pupil p ON p.id = f.pupil_id WHERE p.school_id = ?")
                .param(schoolId).query(rs -> {
                    flags.computeIfAbsent(rs.getString(1), id -> EnumSet.noneOf(PupilFlag.class)).add(PupilFlag.valueOf(rs.getString(2)));
                });
        Map<String, Existing> existing = new HashMap<>();
        jdbc.sql("""
                SELECT id, school_id, first_name, last_name, date_of_birth, year_group, address_line1, address_line2, town,
                    postcode, vulnerable, known_to_social_care, social_worker_name, social_worker_phone, left_on
                FROM pupil WHERE school_id = ?""").param(schoolId).query(rs -> {
                    String id = rs.getString(1);
                    Pupil pupil = new Pupil(id, rs.getString(2), rs.getString(3), rs.getString(4), day(rs.getDate(5)),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getBoolean(11), rs.getBoolean(12), rs.getString(13), rs.getString(14));
                    existing.put(id, new Existing(pupil, day(rs.getDate(15)), contacts.getOrDefault(id, List.of()),
                            flags.getOrDefault(id, Set.of())));
                });
        return existing;
    }

    /** The statements an import makes, batched, and the history of every value it replaces. */
    private final class Writes {

        private final long importId;
        private final Timestamp now;
        private final LocalDate admittedOn;
        private final List<String> admitted = new ArrayList<>();
        private final List<Object[]> pupilInserts = new ArrayList<>();
        private final List<Object[]> pupilUpdates = new ArrayList<>();
        private final List<Object[]> contactDeletes = new ArrayList<>();
        private final List<Object[]> contactInserts = new ArrayList<>();
        private final List<Object[]> flagDeletes = new ArrayList<>();
        private final List<Object[]> flagInserts = new ArrayList<>();
        private final List<Object[]> leavers = new ArrayList<>();
        private final List<Object[]> history = new ArrayList<>();

        Writes(long importId, Timestamp now, LocalDate admittedOn) {
            this.importId = importId;
            this.now = now;
            this.admittedOn = admittedOn;
        }

        void add(ImportedPupil imported) {
            Pupil p = imported.pupil();
            pupilInserts.add(new Object[] {p.id(), p.schoolId(), p.firstName(), p.lastName(), date(p.dateOfBirth()), p.yearGroup(),
                    p.addressLine1(), p.addressLine2(), p.town(), p.postcode(), p.vulnerable(), p.knownToSocialCare(),
                    p.socialWorkerName(), p.socialWorkerPhone(), date(admittedOn)});
            admitted.add(p.id());
            contacts(p.id(), imported.contacts());
            flags(p.id(), imported.flags());
        }

        /** Applies what changed and records what it replaced; false if nothing did. */
        boolean update(Existing before, ImportedPupil imported) {
            Pupil old = before.pupil();
            Pupil current = imported.pupil();
            String id = current.id();
            int changes = history.size();
            change(id, "name", old.fullName(), current.fullName());
            change(id, "date_of_birth", old.dateOfBirth(), current.dateOfBirth());
            change(id, "year_group", old.yearGroup(), current.yearGroup());
            change(id, "address", old.address(), current.address());
            change(id, "social_worker", socialWorker(old), socialWorker(current));
            change(id, "flags", flagText(before.flags()), flagText(imported.flags()));
            change(id, "left_on", before.leftOn(), null);
            boolean pupilChanged = history.size() > changes;
            if (pupilChanged) {
                pupilUpdates.add(new Object[] {current.firstName(), current.lastName(), date(current.dateOfBirth()),
                        current.yearGroup(), current.addressLine1(), current.addressLine2(), current.town(), current.postcode(),
                        current.vulnerable(), current.knownToSocialCare(), current.socialWorkerName(),
                        current.socialWorkerPhone(), id});
            }
            if (!before.flags().equals(imported.flags())) {
                flagDeletes.add(new Object[] {id});
                flags(id, imported.flags());
            }
            boolean contactsChanged = !before.contacts().equals(imported.contacts());
            if (contactsChanged) {
                Map<Integer, Contact> oldByOrder = byOrder(before.contacts());
                Map<Integer, Contact> newByOrder = byOrder(imported.contacts());
                Set<Integer> orders = new HashSet<>(oldByOrder.keySet());
                orders.addAll(newByOrder.keySet());
                orders.stream().sorted().forEach(order -> change(id, "contact " + order, contactText(oldByOrder.get(order)),
                        contactText(newByOrder.get(order))));
                contactDeletes.add(new Object[] {id});
                contacts(id, imported.contacts());
            }
            return pupilChanged || contactsChanged;
        }

        void left(String pupilId, LocalDate day) {
            leavers.add(new Object[] {Date.valueOf(day), pupilId});
            change(pupilId, "left_on", null, day);
        }

        private void contacts(String pupilId, List<Contact> contacts) {
            for (Contact c : contacts) {
                contactInserts.add(new Object[] {pupilId, c.name(), c.relationship(), c.phone(), c.email(),
                        c.parentalResponsibility(), c.priority()});
            }
        }

        private void flags(String pupilId, Collection<PupilFlag> flags) {
            flags.forEach(flag -> flagInserts.add(new Object[] {pupilId, flag.name()}));
        }

        private void change(String pupilId, String field, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                history.add(new Object[] {pupilId, importId, field, text(before), text(after), now});
            }
        }

        void flush() {
            batch("""
                    INSERT INTO pupil (id, school_id, first_name, last_name, date_of_birth, year_group, address_line1,
                        address_line2, town, postcode, vulnerable, known_to_social_care, social_worker_name, social_worker_phone,
                        admitted_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", pupilInserts);
            batch("""
                    UPDATE pupil SET first_name = ?, last_name = ?, date_of_birth = ?, year_group = ?, address_line1 = ?,
                        address_line2 = ?, town = ?, postcode = ?, vulnerable = ?, known_to_social_care = ?,
                        social_worker_name = ?, social_worker_phone = ?, left_on = NULL WHERE id = ?""", pupilUpdates);
            batch("UPDATE pupil SET left_on = ? WHERE id = ?", leavers);
            batch("DELETE FROM contact WHERE pupil_id = ?", contactDeletes);
            batch("""
                    INSERT INTO contact (pupil_id, name, relationship, phone, email, parental_responsibility, priority)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", contactInserts);
            batch("DELETE FROM pupil_flag WHERE pupil_id = ?", flagDeletes);
            batch("INSERT INTO pupil_flag (pupil_id, flag) VALUES (?, ?)", flagInserts);
            batch("""
                    INSERT INTO pupil_history (pupil_id, import_id, field, old_value, new_value, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", history);
        }
    }

    private static Map<Integer, Contact> byOrder(List<Contact> contacts) {
        Map<Integer, Contact> byOrder = new HashMap<>();
        contacts.forEach(contact -> byOrder.merge(contact.priority(), contact, (first, next) -> first));
        return byOrder;
    }

    private static String socialWorker(Pupil pupil) {
        return pupil.hasSocialWorker() ? pupil.socialWorkerName() + (pupil.socialWorkerPhone() == null ? "" : ", " + pupil.socialWorkerPhone()) : null;
    }

    private static String flagText(Set<PupilFlag> flags) {
        return flags.isEmpty() ? null : flags.stream().map(PupilFlag::column).sorted().collect(Collectors.joining(", "));
    }

    private static String contactText(Contact contact) {
        if (contact == null) {
            return null;
        }
        return String.join("; ", contact.name(), Objects.toString(contact.relationship(), ""),
                contact.parentalResponsibility() ? "parental responsibility" : "no parental responsibility",
                Objects.toString(contact.phone(), ""), Objects.toString(contact.email(), ""));
    }

    private static String text(Object value) {
        return value == null || value.toString().isEmpty() ? null : cut(value.toString(), HISTORY_VALUE);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private long startImport(String schoolId, Format format, boolean full, String source, String importedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pupil_import (school_id, source, format, full_import, imported_by, imported_at, records_read, added,
                    updated, unchanged, marked_left, rejected) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)""")
                .params(schoolId, source == null ? null : cut(source, 200), format.name(), full, importedBy,
                        Timestamp.from(EngineClock.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate(sql, rows);
        }
    }
}
