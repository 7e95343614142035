package org.doorstep.records;

import java.util.List;
import org.doorstep.security.SchoolAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The printable letters, cards and slips of a visit, for the staff who post or send them. */
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_visiting-staff', 'GROUP_office', 'GROUP_headteacher', 'GROUP_dsl')")
class DocumentsController {

    private final Documents documents;
    private final AuditTrail audit;
    private final VisitNotes visits;
    private final SchoolAccess schools;

    DocumentsController(Documents documents, AuditTrail audit, VisitNotes visits, SchoolAccess schools) {
        this.documents = documents;
        this.audit = audit;
        this.visits = visits;
        this.schools = schools;
    }

    @GetMapping("/api/visits/{reference}/documents")
    List<Documents.DocumentSummary> list(@PathVariable String reference, Authentication reader) {
        schools.require(reader, visits.schoolOf(reference).orElse(null), "visit " + reference);
        return documents.documents(reference);
    }

    @GetMapping("/api/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, Authentication reader) {
        return documents.document(id)
                .filter(document -> schools.canAccess(reader, visits.schoolOf(document.visitReference()).orElse(null)))
                .map(document -> {
            audit.record(reader.getName(), "DOCUMENT_READ", "visit", document.visitReference(), document.kind() + " #" + id);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(document.contentType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(document.fileName()).build().toString())
                    .body(document.content());
        }).orElse(ResponseEntity.notFound().build());
    }
}
