package cn.jiandu.identity.domain;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo accounts (password {@value #PASSWORD}) and about 60 demo people in the demo organisation. Profile
 * {@code demo} only; outside it there are no demo accounts at all.
 */
@Component
@Profile("demo")
@Order(20)
class IdentityDemoData implements ApplicationRunner {

    static final String PASSWORD = "Jiandu@2026";

    private final UserRepository users;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;

    IdentityDemoData(UserRepository users, OrgDirectory org, PasswordEncoder encoder) {
        this.users = users;
        this.org = org;
        this.encoder = encoder;
    }

    /** username, display name, unit, roles (comma separated). */
    static final List<String[]> PEOPLE = List.of(
            new String[] {"admin", "王纪明", "纪委办公室", "ADMIN"},
            new String[] {"secretary", "李正清", "纪委办公室", "LEADER"},
            new String[] {"handler1", "张晓峰", "市场经营部", "HANDLER"},
            new String[] {"handler2", "陈志刚", "网络部", "HANDLER"},
            new String[] {"inspector1", "刘秀英", "市场经营部党支部", "BRANCH_INSPECTOR"},
            new String[] {"team1", "黄伟", "渠道管理班组", "TEAM_SUPERVISOR"},
            new String[] {"team2", "周丽娟", "网络维护班组", "TEAM_SUPERVISOR"},
            new String[] {"grid1", "吴海涛", "廉州网格", "GRID_SUPERVISOR"},
            new String[] {"grid2", "郑美玲", "石康网格", "GRID_SUPERVISOR"},
            new String[] {"staff1", "孙建国", "市场经营部", "EMPLOYEE"},
            new String[] {"party_secretary", "赵国栋", "党委办公室", "LEADER"},
            new String[] {"hr_reviewer", "钱雅琴", "人力资源部", "REVIEWER"},
            new String[] {"po_reviewer", "冯立新", "党委办公室", "REVIEWER"},
            new String[] {"di_reviewer", "褚文静", "纪委办公室", "REVIEWER"},
            new String[] {"handler3", "卫东升", "政企客户部", "HANDLER"},
            new String[] {"handler4", "蒋红梅", "工程建设部", "HANDLER"},
            new String[] {"handler5", "沈建华", "合浦分公司", "HANDLER"},
            new String[] {"handler6", "韩晓燕", "银海分公司", "HANDLER"},
            new String[] {"handler7", "杨振宇", "铁山港分公司", "HANDLER"},
            new String[] {"handler8", "朱丽华", "综合部", "HANDLER"},
            new String[] {"bs_market", "秦海波", "市场经营部党支部", "BRANCH_SECRETARY"},
            new String[] {"bs_gov", "尤佳", "政企客户部党支部", "BRANCH_SECRETARY"},
            new String[] {"bs_eng", "许光明", "工程建设部党支部", "BRANCH_SECRETARY"},
            new String[] {"bs_net", "何文斌", "网络部党支部", "BRANCH_SECRETARY"},
            new String[] {"bs_hepu", "吕春花", "合浦分公司党支部", "BRANCH_SECRETARY"},
            new String[] {"bs_yinhai", "施永强", "银海分公司党支部", "BRANCH_SECRETARY"},
            new String[] {"bs_tsg", "张丽萍", "铁山港分公司党支部", "BRANCH_SECRETARY"},
            new String[] {"inspector2", "孔德海", "政企客户部党支部", "BRANCH_INSPECTOR"},
            new String[] {"inspector3", "曹晓东", "工程建设部党支部", "BRANCH_INSPECTOR"},
            new String[] {"inspector4", "严静", "网络部党支部", "BRANCH_INSPECTOR"},
            new String[] {"inspector5", "华国庆", "合浦分公司党支部", "BRANCH_INSPECTOR"},
            new String[] {"inspector6", "金玉兰", "银海分公司党支部", "BRANCH_INSPECTOR"},
            new String[] {"inspector7", "魏建军", "铁山港分公司党支部", "BRANCH_INSPECTOR"},
            new String[] {"team3", "陶敏", "营销策划班组", "TEAM_SUPERVISOR"},
            new String[] {"team4", "姜涛", "行业拓展班组", "TEAM_SUPERVISOR"},
            new String[] {"team5", "戚小红", "客户服务班组", "TEAM_SUPERVISOR"},
            new String[] {"team6", "谢永华", "工程管理班组", "TEAM_SUPERVISOR"},
            new String[] {"team7", "邹丽", "项目监理班组", "TEAM_SUPERVISOR"},
            new String[] {"team8", "喻志强", "传输保障班组", "TEAM_SUPERVISOR"},
            new String[] {"team9", "柏雪梅", "渠道管理班组", "TEAM_SUPERVISOR"},
            new String[] {"team10", "水长江", "网络维护班组", "TEAM_SUPERVISOR"},
            new String[] {"grid3", "窦海燕", "常乐网格", "GRID_SUPERVISOR"},
            new String[] {"grid4", "章明", "福成网格", "GRID_SUPERVISOR"},
            new String[] {"grid5", "云飞", "银滩网格", "GRID_SUPERVISOR"},
            new String[] {"grid6", "苏晓梅", "侨港网格", "GRID_SUPERVISOR"},
            new String[] {"grid7", "潘建新", "南康网格", "GRID_SUPERVISOR"},
            new String[] {"grid8", "葛春燕", "营盘网格", "GRID_SUPERVISOR"},
            new String[] {"grid9", "奚志远", "兴港网格", "GRID_SUPERVISOR"},
            new String[] {"staff2", "范丽君", "政企客户部", "EMPLOYEE"},
            new String[] {"staff3", "彭国平", "工程建设部", "EMPLOYEE"},
            new String[] {"staff4", "郎晓静", "网络部", "EMPLOYEE"},
            new String[] {"staff5", "鲁大伟", "人力资源部", "EMPLOYEE"},
            new String[] {"staff6", "韦春梅", "财务部", "EMPLOYEE"},
            new String[] {"staff7", "昌明辉", "综合部", "EMPLOYEE"},
            new String[] {"staff8", "马玉珍", "合浦营销班组", "EMPLOYEE"},
            new String[] {"staff9", "苗壮", "银海营销班组", "EMPLOYEE"},
            new String[] {"staff10", "凤小兰", "铁山港营销班组", "EMPLOYEE"},
            new String[] {"staff11", "花建平", "廉州网格", "EMPLOYEE"},
            new String[] {"staff12", "方晓红", "福成网格", "EMPLOYEE"},
            new String[] {"staff13", "俞海军", "南康网格", "EMPLOYEE"});

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        int n = 0;
        for (String[] p : PEOPLE) {
            long unit = org.findByName(p[2]).map(OrgUnitView::id)
                    .orElseThrow(() -> new IllegalStateException("demo unit missing: " + p[2]));
            Set<Role> roles = java.util.Arrays.stream(p[3].split(",")).map(Role::valueOf)
                    .collect(java.util.stream.Collectors.toSet());
            String mobile = String.format("139%08d", 7790000 + n++);
            users.insert(new User(null, p[0], p[1], unit, mobile, hash, roles, true, false));
        }
    }
}
