-- Every rejected row of an import, so the answer to an import can stay short (counts and the first
-- problems) while the whole list stays downloadable (GET /api/attendance/imports/{id}/problems).
CREATE TABLE attendance_import_problem (
    import_id  BIGINT       NOT NULL REFERENCES attendance_import (id),
    line       INT          NOT NULL,
    reason     VARCHAR(300) NOT NULL,
    PRIMARY KEY (import_id, line)
);
