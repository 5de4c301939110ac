package cn.jiandu.problem;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 监督一点通's permission codes and who holds them. Every employee may report a problem. */
@Configuration(proxyBeanMethods = false)
public class ProblemPermissions {

    public static final Permission REPORT = Permission.of("problem:report");
    public static final Permission HANDLE = Permission.of("problem:handle");
    public static final Permission DISPATCH = Permission.of("problem:dispatch");
    public static final Permission READ_ALL = Permission.of("problem:read-all");
    public static final Permission REVEAL_REPORTER = Permission.of("problem:reveal-reporter");
    public static final Permission DASHBOARD_READ = Permission.of("dashboard:read");

    @Bean
    PermissionGrants problemPermissionGrants() {
        return PermissionGrants.module("problem")
                .grant(REPORT, Role.values())
                .grant(HANDLE, Role.ADMIN, Role.HANDLER)
                .grant(DISPATCH, Role.ADMIN)
                .grant(READ_ALL, Role.ADMIN, Role.LEADER)
                .grant(REVEAL_REPORTER, Role.ADMIN, Role.LEADER)
                .grant(DASHBOARD_READ, Role.ADMIN, Role.LEADER, Role.BRANCH_SECRETARY)
                .build();
    }
}
