-- Where the reporter stood, when he agreed to share it (browser geolocation on 随手拍): WGS-84 degrees and the
-- browser's accuracy radius in metres. Nullable: most reports have none. Read only by the reporter and the discipline
-- office (problem:reveal-reporter) — a position can identify an anonymous reporter; handlers see the place text only.
ALTER TABLE problem ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE problem ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE problem ADD COLUMN position_accuracy_m DOUBLE PRECISION;
