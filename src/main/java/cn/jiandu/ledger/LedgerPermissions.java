package cn.jiandu.ledger;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's permission codes. Reading is scoped by data: leaders and the office see every supervisor, a branch
 * secretary his subtree's, a supervisor his own; the rebuild is the office's.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerPermissions {

    public static final Permission READ = Permission.of("ledger:read");
    public static final Permission REBUILD = Permission.of("ledger:rebuild");
    /** Recording 指出问题 and 整改建议 for a supervisor and period (the office). */
    public static final Permission RECORD_FINDINGS = Permission.of("ledger:findings");

    @Bean
    PermissionGrants ledgerPermissionGrants() {
        return PermissionGrants.module("ledger")
                .grant(READ, Role.ADMIN, Role.LEADER, Role.BRANCH_SECRETARY, Role.BRANCH_INSPECTOR,
                        Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR)
                .grant(REBUILD, Role.ADMIN)
                .grant(RECORD_FINDINGS, Role.ADMIN)
                .build();
    }
}
