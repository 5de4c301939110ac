package cn.jiandu.sharing.domain;

import cn.jiandu.shared.seed.SeedStep;
import cn.jiandu.shared.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** The three role spaces (一个平台, 三个角色组) exist in every installation, each with its standard folders. */
@Component
class SpaceBootstrap implements SeedStep {

    static final List<Object[]> SPACES = List.of(
            new Object[] {Role.BRANCH_INSPECTOR, "支部纪检委员"},
            new Object[] {Role.TEAM_SUPERVISOR, "班组监督员"},
            new Object[] {Role.GRID_SUPERVISOR, "网格监督员"});

    private final SpaceRepository spaces;
    private final FolderService folders;

    SpaceBootstrap(SpaceRepository spaces, FolderService folders) {
        this.spaces = spaces;
        this.folders = folders;
    }

    @Override
    public String name() {
        return "sharing.spaces";
    }

    @Override
    public void run() {
        for (Object[] s : SPACES) {
            Role role = (Role) s[0];
            spaces.findByRole(role).ifPresentOrElse(sp -> folders.ensureStandardFolders(sp.id()),
                    () -> folders.createSpace((String) s[1], role.name()));
        }
    }
}
