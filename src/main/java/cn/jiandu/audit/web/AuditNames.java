package cn.jiandu.audit.web;

import cn.jiandu.audit.AuditEntryView;
import cn.jiandu.audit.AuditTargetNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Resolves the names of one page's targets and actors, one call per target type (not one per row). */
@Component
class AuditNames {

    private final Map<String, AuditTargetNames> byType;

    AuditNames(List<AuditTargetNames> providers) {
        this.byType = providers.stream().collect(Collectors.toMap(AuditTargetNames::targetType, p -> p));
    }

    /** Names for the entries, as looked up by {@link Resolved#target} and {@link Resolved#actor}. */
    Resolved of(Collection<AuditEntryView> entries) {
        Map<String, Map<String, String>> names = new HashMap<>();
        entries.stream().filter(e -> e.targetType() != null && e.targetId() != null && byType.containsKey(e.targetType()))
                .collect(Collectors.groupingBy(AuditEntryView::targetType,
                        Collectors.mapping(AuditEntryView::targetId, Collectors.toSet())))
                .forEach((type, ids) -> names.put(type, byType.get(type).namesOf(ids)));
        Map<String, String> actors = new HashMap<>();
        AuditTargetNames users = byType.get("user");
        if (users != null) {
            actors.putAll(users.namesOf(entries.stream().filter(e -> e.actorId() != null)
                    .map(e -> String.valueOf(e.actorId())).collect(Collectors.toSet())));
        }
        return new Resolved(names, actors);
    }

    record Resolved(Map<String, Map<String, String>> targets, Map<String, String> actors) {

        /** The target's name, or its id when no module names it. */
        public String target(AuditEntryView e) {
            if (e.targetId() == null) {
                return "";
            }
            return targets.getOrDefault(e.targetType(), Map.of()).getOrDefault(e.targetId(), e.targetId());
        }

        /** The actor's display name with the username as recorded, or the username alone. */
        public String actor(AuditEntryView e) {
            String name = e.actorId() == null ? null : actors.get(String.valueOf(e.actorId()));
            if (name == null) {
                return e.actorName() == null ? "" : e.actorName();
            }
            return e.actorName() == null || e.actorName().equals(name) ? name : name + "（" + e.actorName() + "）";
        }
    }
}
