package cn.jiandu.selection.domain;

import cn.jiandu.shared.security.Role;

/**
 * One step of the selection chain. Position 1 is always the nomination itself, owned by the nominator.
 *
 * @param ownerUnitId        the office that owns it (a unit), or null for every holder of {@code ownerRole}
 * @param ownerIsScopeBranch owned by the {@code ownerRole} holders of the party branch that covers the scope unit
 */
public record ChainStep(int position, String code, String name, Role ownerRole, Long ownerUnitId,
        boolean ownerIsScopeBranch, int deadlineWorkingDays, boolean opinionRequired) {
}
