-- hash chain over audit_entry, kept beside it so audit_entry itself stays insert-only.
-- Rows that existed before this migration are chained lazily by the first append (under the head lock).
CREATE TABLE audit_chain (
    entry_id   BIGINT PRIMARY KEY REFERENCES audit_entry (id),
    prev_hash  VARCHAR(64) NOT NULL,
    entry_hash VARCHAR(64) NOT NULL
);
-- one row; locked FOR UPDATE by every append so concurrent writers never fork the chain
CREATE TABLE audit_chain_head (
    id         INT PRIMARY KEY,
    last_id    BIGINT,
    head_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, head_hash)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000');
