package cn.jiandu.audit;

import java.util.Set;

/**
 * Actions whose actor the audit log does not show, contributed by the module that protects that person: the
 * reporter of a problem (监督一点通 protects his identity; the office learns it only through the problem's own
 * reveal, which is audited). Such an entry keeps its actor and address in the table, for an investigation with
 * database access; the log's page, export and API show neither, and a search by actor does not find it.
 */
public interface ProtectedActors {

    Set<String> actions();
}
