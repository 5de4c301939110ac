-- The chain gets its own order (seq): entries are now linked by a chainer after their transaction commits, in
-- the order their commits became visible, which is not always the order of their ids (a longer transaction holds
-- a smaller id). Existing links were made in id order, so seq follows entry_id for them.
ALTER TABLE audit_chain ADD COLUMN seq BIGINT;
UPDATE audit_chain SET seq = (SELECT COUNT(*) FROM audit_chain c2 WHERE c2.entry_id <= audit_chain.entry_id);
ALTER TABLE audit_chain ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX audit_chain_seq_uk ON audit_chain (seq);
-- last_seq: the chain's length
ALTER TABLE audit_chain_head ADD COLUMN last_seq BIGINT DEFAULT 0 NOT NULL;
UPDATE audit_chain_head SET last_seq = (SELECT COUNT(*) FROM audit_chain) WHERE id = 1;
