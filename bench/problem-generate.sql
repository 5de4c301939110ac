-- Synthetic 随手拍 reports for bench/problem-load.sh (never run in CI, never on a real database).
--   psql -v n=1000000 -f bench/problem-generate.sql   (database already migrated and seeded by a demo start)
-- :n reports spread evenly over 2024-01-01 .. 2026-11-27 (ids grow with created_at, as in real life), over every
-- demo org unit, every category and every demo user as reporter, with a status mix of a mature system:
--   CLOSED 72 % (RATED 60 / UNRATED 30 / WITHDRAWN 10 of them), REPLIED 6 %, IN_PROGRESS 8 %, DISPATCHED 5 %,
--   PENDING_DISPATCH 4 %, TRANSFERRED 5 %; open reports older than their deadline are overdue, as they would be.
-- Steps and photos are not generated: the list and stats queries do not read them.
\set ON_ERROR_STOP on
\timing on

CREATE TEMP TABLE bench_units AS SELECT row_number() OVER (ORDER BY id) AS i, id FROM org_unit;
CREATE TEMP TABLE bench_cats AS SELECT row_number() OVER (ORDER BY code) AS i, code FROM problem_category;
CREATE TEMP TABLE bench_users AS SELECT row_number() OVER (ORDER BY id) AS i, id FROM app_user;

INSERT INTO problem (number, title, description, location, category_code, org_unit_id, reporter_id, anonymous, status,
                     handling_unit_id, deadline_days, created_at, dispatched_at, accepted_at, due_at, replied_at,
                     closed_at, close_reason, rating, version)
SELECT 'B-' || g.i,
       '随手拍 第' || g.i || '号 路灯不亮/道路破损/垃圾清运',
       '居民反映：' || md5(g.i::text) || '，请尽快处理。',
       '某街道 ' || (g.i % 500) || ' 号',
       c.code, u.id, r.id, (g.i % 20 = 0), s.status,
       CASE WHEN s.status <> 'PENDING_DISPATCH' THEN h.id END,
       CASE WHEN s.status <> 'PENDING_DISPATCH' THEN 5 + (g.i % 3) * 5 END,
       g.created_at,
       CASE WHEN s.status <> 'PENDING_DISPATCH' THEN g.created_at + interval '2 hours' END,
       CASE WHEN s.status IN ('IN_PROGRESS', 'REPLIED', 'CLOSED') THEN g.created_at + interval '1 day' END,
       CASE WHEN s.status <> 'PENDING_DISPATCH' THEN g.created_at + (7 + (g.i % 3) * 7) * interval '1 day' END,
       CASE WHEN s.status IN ('REPLIED', 'CLOSED') AND s.reason IS DISTINCT FROM 'WITHDRAWN'
            THEN g.created_at + (2 + g.i % 10) * interval '1 day' END,
       CASE WHEN s.status IN ('CLOSED', 'TRANSFERRED') THEN g.created_at + (5 + g.i % 10) * interval '1 day' END,
       s.reason,
       CASE WHEN s.reason = 'RATED' THEN (ARRAY ['SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'])[1 + g.i % 4] END,
       0
FROM (SELECT i, timestamptz '2024-01-01 00:00+08'
                 + (i - 1) * ((timestamptz '2026-11-27 00:00+08' - timestamptz '2024-01-01 00:00+08') / :n) AS created_at,
             hashint4(i) AS h
      FROM generate_series(1, :n) AS i) g
CROSS JOIN LATERAL (
    SELECT CASE WHEN m < 72 THEN 'CLOSED' WHEN m < 78 THEN 'REPLIED' WHEN m < 86 THEN 'IN_PROGRESS'
                WHEN m < 91 THEN 'DISPATCHED' WHEN m < 95 THEN 'PENDING_DISPATCH' ELSE 'TRANSFERRED' END AS status,
           CASE WHEN m < 72 THEN CASE WHEN m2 < 60 THEN 'RATED' WHEN m2 < 90 THEN 'UNRATED' ELSE 'WITHDRAWN' END END
               AS reason
    FROM (SELECT abs(g.h) % 100 AS m, abs(g.h / 100) % 100 AS m2) x) s
JOIN bench_units u ON u.i = 1 + abs(g.h / 7) % (SELECT count(*) FROM bench_units)
JOIN bench_units h ON h.i = 1 + abs(g.h / 11) % (SELECT count(*) FROM bench_units)
JOIN bench_cats c ON c.i = 1 + abs(g.h / 13) % (SELECT count(*) FROM bench_cats)
JOIN bench_users r ON r.i = 1 + abs(g.h / 17) % (SELECT count(*) FROM bench_users)
ORDER BY g.i;

ANALYZE problem;
ANALYZE org_unit;
SELECT status, count(*) FROM problem GROUP BY status ORDER BY 2 DESC;
SELECT extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai') AS year, count(*) FROM problem GROUP BY 1 ORDER BY 1;
