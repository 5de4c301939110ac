-- Idempotency-Key (IETF httpapi draft): the first response to a creating request, kept 24 h per caller and key, so a
-- retried or double-tapped request returns it instead of creating a second record
CREATE TABLE idempotency_record (
    principal_id      BIGINT        NOT NULL,
    idem_key          VARCHAR(255)  NOT NULL,
    fingerprint       VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE,
    response_status   INT,
    response_type     VARCHAR(200),
    response_location VARCHAR(2000),
    response_body     BYTEA,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (principal_id, idem_key)
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
