import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints "table rows" for every table of the database's current schema, sorted by name: the restore check compares
 * the source's lines with the restored database's. Run with the JDBC driver on the class path:
 * {@code java -cp h2.jar ops/lib/RowCounts.java URL USER PASSWORD}.
 */
public class RowCounts {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args.length > 1 ? args[1] : "",
                args.length > 2 ? args[2] : "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            tables.sort(null);
            try (Statement s = c.createStatement()) {
                for (String t : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                        rs.next();
                        System.out.println(t + " " + rs.getLong(1));
                    }
                }
            }
        }
    }
}
