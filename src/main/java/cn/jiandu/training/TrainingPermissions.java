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
    /** Edit and publish 监督一本通 (the admin only); everyone signed in reads the published version. */
    /** Read every supervisor's 谈心谈话 records (the office and the leaders); a supervisor reads his own. */
    public static final Permission TALKS_READ_ALL = Permission.of("talks:read-all");
    public static final Permission HANDBOOK_EDIT = Permission.of("handbook:edit");
    /** Review, select, publish and draft cases (the office); supervisors submit, all supervisors read published ones. */
    public static final Permission CASES_REVIEW = Permission.of("cases:review");

    @Bean
    PermissionGrants trainingPermissionGrants() {
        return PermissionGrants.module("training")
                .grant(PLAN, Role.ADMIN, Role.BRANCH_SECRETARY)
                .grant(ONBOARDING_READ, Role.ADMIN, Role.LEADER, Role.BRANCH_SECRETARY)
                .grant(ONBOARDING_CONFIRM, Role.ADMIN)
                .grant(HANDBOOK_EDIT, Role.ADMIN)
                .grant(TALKS_READ_ALL, Role.ADMIN, Role.LEADER)
                .grant(CASES_REVIEW, Role.ADMIN)
                .build();
    }
}
