-- Resumable uploads hash their bytes as they arrive: digest_state is the SHA-256 state (BouncyCastle's encoded
-- SHA256Digest) after exactly upload_offset bytes, so the completion needs no second pass over the file. NULL means
-- no bytes yet (or a row from before this column: the state is then rebuilt once from the staging file).
ALTER TABLE sharing_upload ADD COLUMN digest_state BYTEA;
-- One PATCH at a time per upload: the request writing holds a lease (a random token), renewed while it writes;
-- another PATCH is refused (423) until the lease is released or goes stale (its holder died).
ALTER TABLE sharing_upload ADD COLUMN writer VARCHAR(36);
ALTER TABLE sharing_upload ADD COLUMN writer_seen_at TIMESTAMP WITH TIME ZONE;
