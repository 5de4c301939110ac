package cn.jiandu.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module contributes so that the audit log names its objects in words instead of ids (账号 张伟 rather than
 * 账号 17, 反映 JD-2026-000086 rather than 反映 86). A bean per target type; the log asks once per page for all the
 * ids of that type on it. A module that contributes none keeps showing ids. The log is read by the office and the
 * leaders only, so a name shown here must be one they may see.
 */
public interface AuditTargetNames {

    /** The {@code targetType} an audit entry carries, e.g. {@code user}. */
    String targetType();

    /** Names of the ids found (unknown ids are left out). */
    Map<String, String> namesOf(Collection<String> ids);

    /** The ids that are numbers (a target id is text: a hand-typed filter may hold anything), once each. */
    static List<Long> numeric(Collection<String> ids) {
        return ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
    }

    /** Names by id as text, from names by numeric id. */
    static Map<String, String> byText(Map<Long, String> names) {
        Map<String, String> out = new HashMap<>();
        names.forEach((id, name) -> out.put(String.valueOf(id), name));
        return out;
    }
}
