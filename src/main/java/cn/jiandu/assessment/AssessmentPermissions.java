package cn.jiandu.assessment;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 评估链's permission codes: the office (ADMIN) edits schemes and runs assessments; leaders read all and publish;
 * branch secretaries read their subtree's results; supervisors read their own and may object. The performance-points
 * export is for HR (人力资源部 is a reviewing office: REVIEWER), leaders and the office.
 */
@Configuration(proxyBeanMethods = false)
public class AssessmentPermissions {

    public static final Permission SCHEME_READ = Permission.of("assessment:scheme-read");
    public static final Permission SCHEME_EDIT = Permission.of("assessment:scheme-edit");
    public static final Permission RUN = Permission.of("assessment:run");
    public static final Permission PUBLISH = Permission.of("assessment:publish");
    public static final Permission READ_ALL = Permission.of("assessment:read-all");
    public static final Permission EXPORT = Permission.of("assessment:export");
    /** 约谈: the discipline secretary (a leader) and the office read and record every talk. */
    public static final Permission ADMONITION = Permission.of("assessment:admonition");
    /** 季通报: the office drafts, edits, replaces the template and publishes. */
    public static final Permission BULLETIN = Permission.of("assessment:bulletin");

    @Bean
    PermissionGrants assessmentPermissionGrants() {
        return PermissionGrants.module("assessment")
                .grant(SCHEME_READ, Role.ADMIN, Role.LEADER, Role.BRANCH_SECRETARY, Role.BRANCH_INSPECTOR,
                        Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR)
                .grant(SCHEME_EDIT, Role.ADMIN)
                .grant(RUN, Role.ADMIN)
                .grant(PUBLISH, Role.ADMIN, Role.LEADER)
                .grant(READ_ALL, Role.ADMIN, Role.LEADER)
                .grant(EXPORT, Role.ADMIN, Role.LEADER, Role.REVIEWER)
                .grant(ADMONITION, Role.ADMIN, Role.LEADER)
                .grant(BULLETIN, Role.ADMIN)
                .build();
    }
}
