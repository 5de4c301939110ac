-- 优秀案例入选: one row per (appointment, selected excellent case) from training.CaseSelected, for the appointments
-- its author held on the day it was selected, attributed to that month (yyyymm, China Standard Time). The rebuild
-- compares it with training.TrainingFacts.selectedCases.
CREATE TABLE ledger_case (
    appointment_id BIGINT NOT NULL,
    case_id        BIGINT NOT NULL,
    author_id      BIGINT NOT NULL,
    month_key      INT    NOT NULL,
    selected_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (appointment_id, case_id)
);
CREATE INDEX ledger_case_month_idx ON ledger_case (month_key, appointment_id);
