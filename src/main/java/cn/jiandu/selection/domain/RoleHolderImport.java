package cn.jiandu.selection.domain;

import cn.jiandu.shared.seed.SeedStep;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code selection.import-role-holders}, at every start: supervisor role holders without an appointment of that type
 * enter the register as IMPORTED appointments (issue item 8). On an installation that had supervisors before this
 * module they keep their role; on one that has the module, it catches a role an admin gave by hand.
 */
@Component
class RoleHolderImport implements SeedStep {

    private final AppointmentService service;

    RoleHolderImport(AppointmentService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "selection.import-role-holders";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.bootstrap-admin");
    }

    @Override
    public void run() {
        service.importRoleHolders();
    }
}
