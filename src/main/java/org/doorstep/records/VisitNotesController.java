package org.doorstep.records;

import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/visits/{reference}")
class VisitNotesController {

    private final VisitNotes notes;
    private final AuditTrail audit;

    VisitNotesController(VisitNotes notes, AuditTrail audit) {
        this.notes = notes;
        this.audit = audit;
    }

    /** Everything about the visit that is not safeguarding: for everyone who works on visits. */
    @GetMapping("/notes")
    List<VisitNotes.Note> notes(@PathVariable String reference) {
        return notes.notes(reference, false);
    }

    /** Safeguarding notes are need-to-know; every read is audited. */
    @GetMapping("/safeguarding-notes")
    @PreAuthorize("hasAnyAuthority('GROUP_dsl', 'GROUP_headteacher')")
    List<VisitNotes.Note> safeguardingNotes(@PathVariable String reference, Principal reader) {
        audit.record(reader.getName(), "SAFEGUARDING_NOTES_READ", "visit", reference, null);
        return notes.notes(reference, true).stream().filter(note -> note.kind() == NoteKind.SAFEGUARDING).toList();
    }
}
