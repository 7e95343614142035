package org.doorstep.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Letters, cards and slips produced for a visit (PDFs), kept so that they can be printed again. */
@Service
public class Documents {

    public static final String PDF = "application/pdf";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Documents(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public long store(String visitReference, String kind, String fileName, String contentType, byte[] content,
            String createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO document (visit_reference, kind, file_name, content_type, content, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(visitReference, kind, fileName, contentType, content, createdBy, Timestamp.from(EngineClock.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record(createdBy, "DOCUMENT_CREATED", "visit", visitReference, kind + " #" + id);
        return id;
    }

    public Optional<Document> document(long id) {
        return jdbc.sql("SELECT id, visit_reference, kind, file_name, content_type, content, created_at FROM document WHERE id = ?")
                .param(id).query(Document.class).optional();
    }

    public List<DocumentSummary> documents(String visitReference) {
        return jdbc.sql("""
                SELECT id, visit_reference, kind, file_name, created_at FROM document
                WHERE visit_reference = ? ORDER BY id""")
                .param(visitReference).query(DocumentSummary.class).list();
    }

    public record Document(long id, String visitReference, String kind, String fileName, String contentType,
            byte[] content, Instant createdAt) {
    }

    public record DocumentSummary(long id, String visitReference, String kind, String fileName, Instant createdAt) {
    }
}
