package cn.jiandu.shared.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The permission model assembled from every module's {@link PermissionGrants}: which codes exist and what each
 * role holds. Roles are a closed set in code ({@link Role}); what they grant comes from the modules. Fails the
 * start on a code declared twice or a module contributing twice.
 */
@Component
public class RolePermissions {

    private final Map<Permission, String> declaredBy = new HashMap<>();
    private final Map<Role, Set<String>> codesByRole = new EnumMap<>(Role.class);

    public RolePermissions(Collection<PermissionGrants> contributions) {
        List<String> problems = new ArrayList<>();
        Set<String> modules = new TreeSet<>();
        for (Role r : Role.values()) {
            codesByRole.put(r, new TreeSet<>());
        }
        for (PermissionGrants c : contributions) {
            if (!modules.add(c.module())) {
                problems.add("module " + c.module() + " contributes PermissionGrants twice");
            }
            c.grants().forEach((permission, roles) -> {
                String earlier = declaredBy.putIfAbsent(permission, c.module());
                if (earlier != null) {
                    problems.add("permission " + permission + " declared by " + earlier + " and " + c.module());
                }
                roles.forEach(r -> codesByRole.get(r).add(permission.code()));
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Inconsistent permission grants: " + String.join("; ", problems));
        }
        codesByRole.replaceAll((r, codes) -> Collections.unmodifiableSet(codes));
    }

    /** The codes held by anyone holding these roles. */
    public Set<String> codesOf(Set<Role> roles) {
        Set<String> out = new TreeSet<>();
        roles.forEach(r -> out.addAll(codesByRole.get(r)));
        return Collections.unmodifiableSet(out);
    }

    public Set<String> codesOf(Role role) {
        return codesByRole.get(role);
    }

    /** Every declared permission, with the module that declared it. */
    public Map<Permission, String> declared() {
        return Map.copyOf(declaredBy);
    }

    public boolean isDeclared(Permission permission) {
        return declaredBy.containsKey(permission);
    }
}
