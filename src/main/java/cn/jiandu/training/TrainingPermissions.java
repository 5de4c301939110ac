package cn.jiandu.training;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Training's permission codes. The office plans any session, a branch secretary for his own subtree (the subtree
 * is checked in the domain); the office confirms onboarding items by hand.
 */
@Configuration(proxyBeanMethods = false)
public class TrainingPermissions {

    public static final Permission PLAN = Permission.of("training:plan");
    public static final Permission ONBOARDING_READ = Permission.of("training:onboarding-read");
    public static final Permission ONBOARDING_CONFIRM = Permission.of("training:onboarding-confirm");

    @Bean
    PermissionGrants trainingPermissionGrants() {
        return PermissionGrants.module("training")
                .grant(PLAN, Role.ADMIN, Role.BRANCH_SECRETARY)
                .grant(ONBOARDING_READ, Role.ADMIN, Role.LEADER, Role.BRANCH_SECRETARY)
                .grant(ONBOARDING_CONFIRM, Role.ADMIN)
                .build();
    }
}
