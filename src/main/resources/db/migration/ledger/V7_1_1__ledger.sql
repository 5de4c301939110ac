-- 履职成效记录台账. The ledger's own copy of the supervisor register (from AppointmentStarted/AppointmentEnded, and
-- re-synced from selection.Appointments by the nightly rebuild): a report or an exam counts for the appointments
-- its person held on that day.
CREATE TABLE ledger_appointment (
    id        BIGINT      PRIMARY KEY,
    user_id   BIGINT      NOT NULL,
    type      VARCHAR(30) NOT NULL,
    unit_id   BIGINT      NOT NULL,
    starts_on DATE        NOT NULL,
    ends_on   DATE        NOT NULL,
    ended_on  DATE
);
CREATE INDEX ledger_appointment_user_idx ON ledger_appointment (user_id);
CREATE INDEX ledger_appointment_type_idx ON ledger_appointment (type, unit_id);

-- one row per (appointment, report he made): what the report means for him, attributed to the month it was made
-- (yyyymm, China Standard Time). Refreshed from problem.ProblemFacts on every event of the report.
CREATE TABLE ledger_problem (
    appointment_id BIGINT      NOT NULL,
    problem_id     BIGINT      NOT NULL,
    number         VARCHAR(20),
    month_key      INT         NOT NULL,
    category_code  VARCHAR(40) NOT NULL,
    transferred    BOOLEAN     NOT NULL,
    resolved       BOOLEAN     NOT NULL,
    satisfied      BOOLEAN     NOT NULL,
    overdue        BOOLEAN     NOT NULL,
    reopened       BOOLEAN     NOT NULL,
    PRIMARY KEY (appointment_id, problem_id)
);
CREATE INDEX ledger_problem_problem_idx ON ledger_problem (problem_id);

-- one row per (appointment, graded exam attempt): the counted score in percent of the paper's maximum
CREATE TABLE ledger_exam (
    appointment_id BIGINT        NOT NULL,
    attempt_id     BIGINT        NOT NULL,
    exam_id        BIGINT        NOT NULL,
    purpose        VARCHAR(30)   NOT NULL,
    graded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    month_key      INT           NOT NULL,
    percent        DECIMAL(6, 2) NOT NULL,
    PRIMARY KEY (appointment_id, attempt_id)
);

-- the figures kept incrementally: per appointment and month, moved by the difference a refreshed row makes. A
-- quarter, half-year or year is the sum of its months. The nightly rebuild recomputes them from the rows above (and
-- the rows from the source modules) and reports every difference.
CREATE TABLE ledger_figure (
    appointment_id BIGINT NOT NULL,
    month_key      INT    NOT NULL,
    reported       INT    NOT NULL DEFAULT 0,
    transferred    INT    NOT NULL DEFAULT 0,
    resolved       INT    NOT NULL DEFAULT 0,
    satisfied      INT    NOT NULL DEFAULT 0,
    overdue        INT    NOT NULL DEFAULT 0,
    reopened       INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (appointment_id, month_key)
);
