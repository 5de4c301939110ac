package cn.jiandu.sharing.domain;

import cn.jiandu.shared.security.JianduPrincipal;
import java.util.Set;

/** The caller as the sharing rules see him: the spaces he belongs to, and whether he is the admin. */
public record Caller(JianduPrincipal principal, Set<Long> memberOf) {

    public Caller {
        memberOf = Set.copyOf(memberOf);
    }

    public long id() {
        return principal.id();
    }

    public boolean admin() {
        return principal.isAdmin();
    }

    /** May see the space at all (otherwise 404). Leaders read everything, as everywhere in Jiandu. */
    public boolean sees(long spaceId) {
        return principal.seesEverything() || memberOf.contains(spaceId);
    }

    /** May upload into the space. */
    public boolean contributes(long spaceId) {
        return admin() || memberOf.contains(spaceId);
    }

    /** May rename, move, delete or restore something owned by {@code ownerId} (the owner-only rule). */
    public boolean manages(Long ownerId) {
        return admin() || (ownerId != null && ownerId == id());
    }
}
