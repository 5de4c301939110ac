package cn.jiandu.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolePermissionsTests {

    private static final Permission TAKE = Permission.of("exam:take");
    private static final Permission MANAGE = Permission.of("exam:manage");

    @Test
    void assemblesWhatEachRoleHoldsFromTheModules() {
        RolePermissions model = new RolePermissions(List.of(
                PermissionGrants.module("exam").grant(TAKE, Role.GRID_SUPERVISOR).grant(MANAGE, Role.ADMIN).build(),
                PermissionGrants.module("audit").grant(Permission.of("audit:read"), Role.ADMIN, Role.LEADER).build()));

        assertThat(model.codesOf(Role.ADMIN)).containsExactlyInAnyOrder("exam:manage", "audit:read");
        assertThat(model.codesOf(EnumSet.of(Role.GRID_SUPERVISOR, Role.LEADER)))
                .containsExactlyInAnyOrder("exam:take", "audit:read");
        assertThat(model.codesOf(Role.EMPLOYEE)).isEmpty();
        assertThat(model.declared()).containsEntry(TAKE, "exam");
    }

    @Test
    void aCodeDeclaredByTwoModulesStopsTheStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new RolePermissions(List.of(
                        PermissionGrants.module("exam").grant(TAKE, Role.ADMIN).build(),
                        PermissionGrants.module("training").grant(TAKE, Role.ADMIN).build())))
                .withMessageContaining("exam:take declared by exam and training");
    }

    @Test
    void aModuleContributingTwiceStopsTheStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new RolePermissions(List.of(
                        PermissionGrants.module("exam").grant(TAKE, Role.ADMIN).build(),
                        PermissionGrants.module("exam").grant(MANAGE, Role.ADMIN).build())))
                .withMessageContaining("module exam contributes PermissionGrants twice");
    }

    @Test
    void aCodeDeclaredTwiceInOneModuleIsRefusedAtOnce() {
        assertThatIllegalStateException()
                .isThrownBy(() -> PermissionGrants.module("exam").grant(TAKE, Role.ADMIN).grant(TAKE, Role.LEADER));
    }

    @Test
    void anUnknownRoleNameFailsFast() {
        assertThatIllegalArgumentException().isThrownBy(() -> Role.named("SUPERVISOR_KING"));
        assertThat(Role.named("HANDLER")).isEqualTo(Role.HANDLER);
    }

    @Test
    void aMalformedCodeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Permission.of("Exam Take"));
    }
}
