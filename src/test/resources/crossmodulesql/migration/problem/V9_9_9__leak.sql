-- Fixture for CrossModuleSqlTests: a problem migration that writes identity's table (a breach) next to an
-- allowed foreign key to the org tree. REFERENCES app_user_role in a comment must not count.
CREATE TABLE problem_leak (
    id      BIGINT PRIMARY KEY,
    unit_id BIGINT NOT NULL REFERENCES org_unit (id)
);
INSERT INTO app_user (username, display_name) VALUES ('leak', 'leak');
