package cn.jiandu.problem.domain;

// Fixture for CrossModuleSqlTests (a resource, never compiled): breaks the rule twice on purpose.
// SELECT * FROM app_user_role  <- a comment, not SQL: must not count
class LeakyQueries {

    /** Copies org's subtree query instead of using OrgSql. */
    static final String IN_SUBTREE = """
            SELECT p.id FROM problem p
            WHERE p.org_unit_id IN (SELECT id FROM org_unit WHERE path LIKE :path || '%')""";

    /** Reads identity's table instead of asking UserDirectory. */
    static final String WITH_REPORTER = "SELECT p.id, u.display_name FROM problem p JOIN "
            + "app_user u ON u.id = p.reporter_id";

    /* DELETE FROM app_user_role  <- a block comment: must not count */
    String message() {
        return "copied from app_user_role/notes"; // a path in a message, not a table
    }
}
