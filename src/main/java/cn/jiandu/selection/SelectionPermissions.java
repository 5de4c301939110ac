package cn.jiandu.selection;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 组织链's permission codes. Reading the register is scoped in the queries: everything for the office and the
 * leaders, a branch secretary's subtree, a supervisor's own appointments.
 */
@Configuration(proxyBeanMethods = false)
public class SelectionPermissions {

    /** Reads every appointment, the register, the coverage view and the stats. */
    public static final Permission REGISTER_READ_ALL = Permission.of("appointment:read-all");
    /** Reads the appointments over his own subtree (the branch secretaries). */
    public static final Permission REGISTER_READ_SUBTREE = Permission.of("appointment:read-subtree");
    /** Ends an appointment early (免职/解聘) and completes an imported one: the office. */
    public static final Permission APPOINTMENT_MANAGE = Permission.of("appointment:manage");
    /** Issues 授证 certificates: the leaders. */
    public static final Permission CERTIFICATE_ISSUE = Permission.of("certificate:issue");

    /** Nominates a candidate (步骤一): the branch secretaries and the office. */
    public static final Permission NOMINATE = Permission.of("nomination:create");
    /** Reads every nomination: the office and the leaders. */
    public static final Permission NOMINATION_READ_ALL = Permission.of("nomination:read-all");
    /** Edits the chain of steps: the office. */
    public static final Permission CHAIN_EDIT = Permission.of("selection:chain-edit");

    @Bean
    PermissionGrants selectionPermissionGrants() {
        return PermissionGrants.module("selection")
                .grant(REGISTER_READ_ALL, Role.ADMIN, Role.LEADER)
                .grant(REGISTER_READ_SUBTREE, Role.BRANCH_SECRETARY)
                .grant(APPOINTMENT_MANAGE, Role.ADMIN)
                .grant(CERTIFICATE_ISSUE, Role.LEADER)
                .grant(NOMINATE, Role.ADMIN, Role.BRANCH_SECRETARY)
                .grant(NOMINATION_READ_ALL, Role.ADMIN, Role.LEADER)
                .grant(CHAIN_EDIT, Role.ADMIN)
                .build();
    }
}
