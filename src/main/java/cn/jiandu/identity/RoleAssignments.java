package cn.jiandu.identity;

import cn.jiandu.shared.security.Role;

/**
 * Roles given and taken by other modules on the strength of their own records (an appointment gives the supervisor
 * role of its type). Both are idempotent and audited; a signed-in user's sessions see the change at the next request
 * (the session guard reloads the principal) and his bearer tokens at once.
 */
public interface RoleAssignments {

    /** Gives {@code role} to the user; true when he did not hold it before. */
    boolean grant(long userId, Role role, String reason);

    /** Takes {@code role} from the user; true when he held it. */
    boolean revoke(long userId, Role role, String reason);
}
