package cn.jiandu.org.domain;

import cn.jiandu.shared.seed.SeedStep;
import cn.jiandu.org.OrgUnitType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An empty installation gets its root unit ({@code jiandu.org.root-name}), so the first admin has a home. */
@Component
class OrgRootBootstrap implements SeedStep {

    private final OrgUnitRepository units;
    private final String rootName;

    OrgRootBootstrap(OrgUnitRepository units, @Value("${jiandu.org.root-name:公司}") String rootName) {
        this.units = units;
        this.rootName = rootName;
    }

    @Override
    public String name() {
        return "org.root";
    }

    @Override
    @Transactional
    public void run() {
        if (units.count() == 0) {
            units.insert(null, rootName, OrgUnitType.COMPANY, 0);
        }
    }
}
