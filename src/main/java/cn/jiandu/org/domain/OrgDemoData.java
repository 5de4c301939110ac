package cn.jiandu.org.domain;

import cn.jiandu.shared.seed.SeedStep;
import java.util.Set;
import cn.jiandu.org.OrgUnitType;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation, modelled on the source: 北海分公司 with its key departments, three county branches, party
 * branches, teams and sales grids. Runs once, on an empty org table, in profile {@code demo} only.
 */
@Component
@Profile("demo")
class OrgDemoData implements SeedStep {

    private final OrgUnitRepository units;

    OrgDemoData(OrgUnitRepository units) {
        this.units = units;
    }

    @Override
    public String name() {
        return "org.demo";
    }

    @Override
    public Set<String> before() {
        return Set.of("org.root");
    }

    @Override
    @Transactional
    public void run() {
        if (units.count() > 0) {
            return;
        }
        OrgUnit company = units.insert(null, "北海分公司", OrgUnitType.COMPANY, 0);
        int order = 0;
        String[][] departments = {
                {"市场经营部", "渠道管理班组", "营销策划班组"},
                {"政企客户部", "行业拓展班组", "客户服务班组"},
                {"工程建设部", "工程管理班组", "项目监理班组"},
                {"网络部", "网络维护班组", "传输保障班组"},
                {"人力资源部"}, {"党委办公室"}, {"纪委办公室"}, {"财务部"}, {"综合部"}};
        for (String[] d : departments) {
            OrgUnit dept = units.insert(company, d[0], OrgUnitType.DEPARTMENT, order++);
            OrgUnit branch = units.insert(dept, d[0] + "党支部", OrgUnitType.PARTY_BRANCH, 0);
            for (int i = 1; i < d.length; i++) {
                units.insert(branch, d[i], OrgUnitType.TEAM, i);
            }
        }
        String[][] counties = {
                {"合浦分公司", "合浦营销班组", "廉州网格", "石康网格", "常乐网格"},
                {"银海分公司", "银海营销班组", "福成网格", "银滩网格", "侨港网格"},
                {"铁山港分公司", "铁山港营销班组", "南康网格", "营盘网格", "兴港网格"}};
        for (String[] c : counties) {
            OrgUnit county = units.insert(company, c[0], OrgUnitType.COUNTY_BRANCH, order++);
            OrgUnit branch = units.insert(county, c[0] + "党支部", OrgUnitType.PARTY_BRANCH, 0);
            OrgUnit team = units.insert(branch, c[1], OrgUnitType.TEAM, 0);
            for (int i = 2; i < c.length; i++) {
                units.insert(team, c[i], OrgUnitType.GRID, i);
            }
        }
    }
}
