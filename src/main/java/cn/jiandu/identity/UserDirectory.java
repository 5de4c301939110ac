package cn.jiandu.identity;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read side of the user base for every other module. */
public interface UserDirectory {

    Optional<UserView> find(long id);

    Optional<UserView> findByUsername(String username);

    /** Enabled users holding {@code role}. */
    List<UserView> withRole(Role role);

    /** Enabled users of exactly this org unit holding {@code role} (e.g. the HANDLERs of a handling unit). */
    List<UserView> inUnitWithRole(long orgUnitId, Role role);

    /**
     * The principal this user would have if he signed in now (enabled users only): for work a module does on
     * someone's behalf outside a request, such as demo data acting as the demo people.
     */
    Optional<JianduPrincipal> principal(long id);

    /** Display names by id, for rendering lists without one query per row. */
    java.util.Map<Long, String> displayNames(Collection<Long> ids);
}
