package cn.jiandu.exam;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exams' permission codes. The office (ADMIN) keeps the bank, the papers and the exams; leaders read every result,
 * branch secretaries those of their subtree (the scope is applied in the queries); everyone may take the exams
 * whose audience includes him and practise.
 */
@Configuration(proxyBeanMethods = false)
public class ExamPermissions {

    public static final Permission MANAGE = Permission.of("exam:manage");
    public static final Permission RESULTS_READ = Permission.of("exam:results-read");
    public static final Permission TAKE = Permission.of("exam:take");

    @Bean
    PermissionGrants examPermissionGrants() {
        return PermissionGrants.module("exam")
                .grant(MANAGE, Role.ADMIN)
                .grant(RESULTS_READ, Role.ADMIN, Role.LEADER, Role.BRANCH_SECRETARY)
                .grant(TAKE, Role.values())
                .build();
    }
}
