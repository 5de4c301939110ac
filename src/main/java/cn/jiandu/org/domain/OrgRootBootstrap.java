package cn.jiandu.org.domain;

import cn.jiandu.org.OrgUnitType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An empty installation gets its root unit ({@code jiandu.org.root-name}), so the first admin has a home. */
@Component
@Order(15)
class OrgRootBootstrap implements ApplicationRunner {

    private final OrgUnitRepository units;
    private final String rootName;

    OrgRootBootstrap(OrgUnitRepository units, @Value("${jiandu.org.root-name:公司}") String rootName) {
        this.units = units;
        this.rootName = rootName;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.count() == 0) {
            units.insert(null, rootName, OrgUnitType.COMPANY, 0);
        }
    }
}
