-- 移交申请: the handling unit proposed transferring the report as a problem clue and the discipline office has not
-- decided yet (null: no proposal pending). Who proposed it and why is on the timeline (problem_step PROPOSE_TRANSFER).
ALTER TABLE problem ADD COLUMN transfer_proposed_at TIMESTAMP WITH TIME ZONE;
-- the office's list of pending proposals: "transfer_proposed_at IS NOT NULL ORDER BY transfer_proposed_at"
CREATE INDEX problem_transfer_proposed_idx ON problem (transfer_proposed_at);
