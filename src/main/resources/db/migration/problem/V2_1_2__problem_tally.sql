-- 数据看板 figures kept per (month, concerned org unit, category) and (month, concerned org unit, handling unit), so
-- a year's stats read a few thousand tally rows instead of every report of the year. Maintained by the problem
-- module in the same transaction as every change of a report (ProblemTally); withdrawn reports count nowhere.
-- month_key = yyyymm of created_at in China Standard Time; dimension 'C' = category (dim_key = category code, these rows
-- also give the totals and the months), 'H' = handling unit (dim_key = its id; reports never dispatched have none).
-- org_unit_id 0 = all units together (the whole-company dashboard reads these, not one row per unit); open_due = still
-- at the unit with a deadline (超期 = open_due minus those whose deadline is still ahead, counted live).
CREATE TABLE problem_tally (
    month_key   INT         NOT NULL,
    org_unit_id BIGINT      NOT NULL,
    dimension   VARCHAR(1)  NOT NULL,
    dim_key     VARCHAR(40) NOT NULL,
    reported    BIGINT      NOT NULL DEFAULT 0,
    resolved    BIGINT      NOT NULL DEFAULT 0,
    closed      BIGINT      NOT NULL DEFAULT 0,
    transferred BIGINT      NOT NULL DEFAULT 0,
    rated       BIGINT      NOT NULL DEFAULT 0,
    satisfied   BIGINT      NOT NULL DEFAULT 0,
    open_due    BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (month_key, org_unit_id, dimension, dim_key)
);

-- reports already there (a database upgraded from a version without the tally)
CREATE VIEW problem_contribution_v AS
SELECT CAST(EXTRACT(YEAR FROM (p.created_at AT TIME ZONE 'Asia/Shanghai')) * 100
            + EXTRACT(MONTH FROM (p.created_at AT TIME ZONE 'Asia/Shanghai')) AS INT) AS month_key,
       p.org_unit_id, p.category_code, p.handling_unit_id,
       CASE WHEN p.status = 'REPLIED' OR (p.status = 'CLOSED' AND p.close_reason IN ('RATED', 'UNRATED'))
            THEN 1 ELSE 0 END AS resolved,
       CASE WHEN p.status = 'CLOSED' THEN 1 ELSE 0 END AS closed,
       CASE WHEN p.status = 'TRANSFERRED' THEN 1 ELSE 0 END AS transferred,
       CASE WHEN p.rating IS NOT NULL THEN 1 ELSE 0 END AS rated,
       CASE WHEN p.rating IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END AS satisfied,
       CASE WHEN p.status IN ('DISPATCHED', 'IN_PROGRESS') AND p.due_at IS NOT NULL THEN 1 ELSE 0 END AS open_due
FROM problem p WHERE p.close_reason IS NULL OR p.close_reason <> 'WITHDRAWN';

INSERT INTO problem_tally (month_key, org_unit_id, dimension, dim_key, reported, resolved, closed, transferred, rated,
                           satisfied, open_due)
SELECT month_key, org_unit_id, 'C', category_code, COUNT(*), SUM(resolved), SUM(closed), SUM(transferred), SUM(rated),
       SUM(satisfied), SUM(open_due)
FROM problem_contribution_v GROUP BY month_key, org_unit_id, category_code;

INSERT INTO problem_tally (month_key, org_unit_id, dimension, dim_key, reported, resolved, closed, transferred, rated,
                           satisfied, open_due)
SELECT month_key, org_unit_id, 'H', CAST(handling_unit_id AS VARCHAR(40)), COUNT(*), SUM(resolved), SUM(closed),
       SUM(transferred), SUM(rated), SUM(satisfied), SUM(open_due)
FROM problem_contribution_v WHERE handling_unit_id IS NOT NULL GROUP BY month_key, org_unit_id, handling_unit_id;

-- all units together
INSERT INTO problem_tally (month_key, org_unit_id, dimension, dim_key, reported, resolved, closed, transferred, rated,
                           satisfied, open_due)
SELECT month_key, 0, dimension, dim_key, SUM(reported), SUM(resolved), SUM(closed), SUM(transferred), SUM(rated),
       SUM(satisfied), SUM(open_due)
FROM problem_tally GROUP BY month_key, dimension, dim_key;

DROP VIEW problem_contribution_v;

-- 超期 depends on the clock: the reports still at the unit whose deadline is ahead are counted live (few: only recent
-- ones), read from this index alone for a period and a subtree
CREATE INDEX problem_open_due_idx ON problem (status, due_at, created_at, org_unit_id);
