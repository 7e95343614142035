package org.doorstep.records;

import java.util.List;
import org.doorstep.security.SchoolAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/visits/{reference}")
class VisitNotesController {

    private final VisitNotes notes;
    private final AuditTrail audit;
    private final SchoolAccess schools;

    VisitNotesController(VisitNotes notes, AuditTrail audit, SchoolAccess schools) {
        this.notes = notes;
        this.audit = audit;
        this.schools = schools;
    }

    /** Everything about the visit that is not safeguarding: for everyone at the visit's school. */
    @GetMapping("/notes")
    List<VisitNotes.Note> notes(@PathVariable String reference, Authentication reader) {
        requireVisitOfOwnSchool(reference, reader);
        return notes.notes(reference, false);
    }

    /** Safeguarding notes are need-to-know; every read is audited. */
    @GetMapping("/safeguarding-notes")
    @PreAuthorize("hasAnyAuthority('GROUP_dsl', 'GROUP_headteacher')")
    List<VisitNotes.Note> safeguardingNotes(@PathVariable String reference, Authentication reader) {
        requireVisitOfOwnSchool(reference, reader);
        audit.record(reader.getName(), "SAFEGUARDING_NOTES_READ", "visit", reference, null);
        return notes.notes(reference, true).stream().filter(note -> note.kind() == NoteKind.SAFEGUARDING).toList();
    }

    private void requireVisitOfOwnSchool(String reference, Authentication reader) {
        schools.require(reader, notes.schoolOf(reference).orElse(null), "visit " + reference);
    }
}
