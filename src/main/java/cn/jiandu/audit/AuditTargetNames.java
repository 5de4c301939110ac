package cn.jiandu.audit;

import java.util.Collection;
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
}
