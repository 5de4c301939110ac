package cn.jiandu.org;

import java.util.regex.Pattern;

/**
 * The SQL the org module publishes for other modules' queries, so that none of them names {@code org_unit} itself
 * ({@code CrossModuleSqlTests}): a data scope is a subtree, and a subtree is "every unit whose path starts with the
 * unit's path" ({@code /1/5/} is below {@code /1/}). Each method returns a fragment with the caller's named
 * parameter in it; the caller binds the parameter and keeps the rest of its statement. The fragments are plain
 * SQL that H2 and PostgreSQL both run, and a lookup by the primary key or a prefix scan of the path index.
 *
 * <p>Only org may change how the tree is stored; when it does, these fragments change with it and every caller
 * keeps working.
 */
public final class OrgSql {

    private static final Pattern PARAMETER = Pattern.compile(":[A-Za-z][A-Za-z0-9]*");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private OrgSql() {
    }

    /**
     * {@code SELECT} of the ids of the unit whose id is bound to {@code unitIdParameter} and of every unit below it;
     * an unknown id selects nothing. For {@code x.unit_id IN (…)}.
     */
    public static String subtreeOf(String unitIdParameter) {
        return "SELECT org_sub.id FROM org_unit org_sub WHERE org_sub.path LIKE"
                + " (SELECT org_top.path FROM org_unit org_top WHERE org_top.id = " + parameter(unitIdParameter)
                + ") || '%'";
    }

    /**
     * {@code SELECT} of the ids of the units whose path starts with the path bound to {@code pathParameter} (a
     * unit's {@link OrgUnitView#path()}, without a wildcard): that unit and every unit below it. For a caller that
     * has the unit already and binds its path.
     */
    public static String subtreeAtPath(String pathParameter) {
        return "SELECT org_sub.id FROM org_unit org_sub WHERE org_sub.path LIKE " + parameter(pathParameter)
                + " || '%'";
    }

    /** A scalar sub-query: the name of the unit whose id is in {@code unitIdColumn} ({@code p.org_unit_id}). */
    public static String nameOf(String unitIdColumn) {
        if (!COLUMN.matcher(unitIdColumn).matches()) {
            throw new IllegalArgumentException("not a column: " + unitIdColumn);
        }
        return "(SELECT org_name.name FROM org_unit org_name WHERE org_name.id = " + unitIdColumn + ")";
    }

    private static String parameter(String name) {
        if (!PARAMETER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a named parameter: " + name);
        }
        return name;
    }
}
