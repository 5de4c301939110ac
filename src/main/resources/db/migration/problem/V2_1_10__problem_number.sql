-- The official numbers JD-yyyy-nnnnnn come from a counter per year, taken in the submitting transaction: a refused
-- submission rolls its number back with everything else, so the numbers have no gaps (an identity value would be
-- consumed). The row of a year is created at its first submission, from the highest number already given.
CREATE TABLE problem_number (
    number_year INT    NOT NULL PRIMARY KEY,
    last_value  BIGINT NOT NULL
);
