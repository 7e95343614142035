package org.doorstep.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Documents of these kinds from the schools' visits, made since {@code since} and not yet marked
     * posted, oldest first: what the office still has to print and post.
     */
    public List<ToPost> waitingToPost(Set<String> schools, Collection<String> kinds, Instant since, int limit) {
        if (schools.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT d.id, d.visit_reference, v.school_id, d.kind, d.file_name, d.created_at,
                    p.first_name || ' ' || p.last_name AS pupil_name
                FROM document d JOIN visit v ON v.reference = d.visit_reference JOIN pupil p ON p.id = v.pupil_id
                WHERE d.posted_at IS NULL AND d.created_at >= :since AND d.kind IN (:kinds) AND v.school_id IN (:schools)
                ORDER BY d.created_at, d.id LIMIT :limit""")
                .param("since", Timestamp.from(since)).param("kinds", kinds).param("schools", schools).param("limit", limit)
                .query(ToPost.class).list();
    }

    /** Someone printed and posted it: it leaves the office's list; the trail says who and when. */
    @Transactional
    public void markPosted(long id, String postedBy) {
        jdbc.sql("SELECT visit_reference, kind FROM document WHERE id = ? AND posted_at IS NULL").param(id)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).optional().ifPresent(document -> {
                    jdbc.sql("UPDATE document SET posted_at = ?, posted_by = ? WHERE id = ?")
                            .params(Timestamp.from(EngineClock.now()), postedBy, id).update();
                    audit.record(postedBy, "DOCUMENT_POSTED", "visit", document[0], document[1] + " #" + id);
                });
    }

    public record ToPost(long id, String visitReference, String schoolId, String kind, String fileName, Instant createdAt,
            String pupilName) {
    }

    public record Document(long id, String visitReference, String kind, String fileName, String contentType,
            byte[] content, Instant createdAt) {
    }

    public record DocumentSummary(long id, String visitReference, String kind, String fileName, Instant createdAt) {
    }
}
