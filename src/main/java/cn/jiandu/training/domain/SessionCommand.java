package cn.jiandu.training.domain;

import cn.jiandu.shared.security.Role;
import cn.jiandu.training.SessionKind;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a planner sends: {@code audience} lists supervisor types, org subtrees and people (any may be empty; types
 * and units together mean "those types within those subtrees").
 */
public record SessionCommand(SessionKind kind, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
        String place, Boolean online, Long organiserId, Audience audience, List<Long> materialFileIds, Long examId,
        String description) {

    public record Audience(List<Role> types, List<Long> unitIds, List<Long> userIds) {

        public List<Role> typesOrEmpty() {
            return types == null ? List.of() : types;
        }

        public List<Long> unitsOrEmpty() {
            return unitIds == null ? List.of() : unitIds;
        }

        public List<Long> usersOrEmpty() {
            return userIds == null ? List.of() : userIds;
        }
    }

    public Audience audienceOrEmpty() {
        return audience == null ? new Audience(List.of(), List.of(), List.of()) : audience;
    }
}
