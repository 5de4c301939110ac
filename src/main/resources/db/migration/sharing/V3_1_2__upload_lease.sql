-- One PATCH at a time per resumable upload: the request writing holds a lease (a random token), renewed while it
-- writes; another PATCH is refused (423) until the lease is released or goes stale (its holder died with its node).
ALTER TABLE sharing_upload ADD COLUMN writer VARCHAR(36);
ALTER TABLE sharing_upload ADD COLUMN writer_seen_at TIMESTAMP WITH TIME ZONE;
