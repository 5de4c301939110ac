package cn.jiandu.identity.domain;

import cn.jiandu.identity.DemoPeople;
import cn.jiandu.identity.DemoPeople.Person;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo people of the platform itself: the office, the leaders, the reviewers, the handling units, the branch
 * secretaries, the supervisors of today's demo accounts and plain employees. Other modules contribute their own.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class IdentityDemoPeople {

    @Bean
    DemoPeople identityDemoPeopleList() {
        return DemoPeople.of("identity",
                new Person("admin", "王纪明", "纪委办公室", "ADMIN"),
                new Person("secretary", "李正清", "纪委办公室", "LEADER"),
                new Person("handler1", "张晓峰", "市场经营部", "HANDLER"),
                new Person("handler2", "陈志刚", "网络部", "HANDLER"),
                new Person("inspector1", "刘秀英", "市场经营部党支部", "BRANCH_INSPECTOR"),
                new Person("team1", "黄伟", "渠道管理班组", "TEAM_SUPERVISOR"),
                new Person("team2", "周丽娟", "网络维护班组", "TEAM_SUPERVISOR"),
                new Person("grid1", "吴海涛", "廉州网格", "GRID_SUPERVISOR"),
                new Person("grid2", "郑美玲", "石康网格", "GRID_SUPERVISOR"),
                new Person("staff1", "孙建国", "市场经营部", "EMPLOYEE"),
                new Person("party_secretary", "赵国栋", "党委办公室", "LEADER"),
                new Person("hr_reviewer", "钱雅琴", "人力资源部", "REVIEWER"),
                new Person("po_reviewer", "冯立新", "党委办公室", "REVIEWER"),
                new Person("di_reviewer", "褚文静", "纪委办公室", "REVIEWER"),
                new Person("handler3", "卫东升", "政企客户部", "HANDLER"),
                new Person("handler4", "蒋红梅", "工程建设部", "HANDLER"),
                new Person("handler5", "沈建华", "合浦分公司", "HANDLER"),
                new Person("handler6", "韩晓燕", "银海分公司", "HANDLER"),
                new Person("handler7", "杨振宇", "铁山港分公司", "HANDLER"),
                new Person("handler8", "朱丽华", "综合部", "HANDLER"),
                new Person("bs_market", "秦海波", "市场经营部党支部", "BRANCH_SECRETARY"),
                new Person("bs_gov", "尤佳", "政企客户部党支部", "BRANCH_SECRETARY"),
                new Person("bs_eng", "许光明", "工程建设部党支部", "BRANCH_SECRETARY"),
                new Person("bs_net", "何文斌", "网络部党支部", "BRANCH_SECRETARY"),
                new Person("bs_hepu", "吕春花", "合浦分公司党支部", "BRANCH_SECRETARY"),
                new Person("bs_yinhai", "施永强", "银海分公司党支部", "BRANCH_SECRETARY"),
                new Person("bs_tsg", "张丽萍", "铁山港分公司党支部", "BRANCH_SECRETARY"),
                new Person("inspector2", "孔德海", "政企客户部党支部", "BRANCH_INSPECTOR"),
                new Person("inspector3", "曹晓东", "工程建设部党支部", "BRANCH_INSPECTOR"),
                new Person("inspector4", "严静", "网络部党支部", "BRANCH_INSPECTOR"),
                new Person("inspector5", "华国庆", "合浦分公司党支部", "BRANCH_INSPECTOR"),
                new Person("inspector6", "金玉兰", "银海分公司党支部", "BRANCH_INSPECTOR"),
                new Person("inspector7", "魏建军", "铁山港分公司党支部", "BRANCH_INSPECTOR"),
                new Person("team3", "陶敏", "营销策划班组", "TEAM_SUPERVISOR"),
                new Person("team4", "姜涛", "行业拓展班组", "TEAM_SUPERVISOR"),
                new Person("team5", "戚小红", "客户服务班组", "TEAM_SUPERVISOR"),
                new Person("team6", "谢永华", "工程管理班组", "TEAM_SUPERVISOR"),
                new Person("team7", "邹丽", "项目监理班组", "TEAM_SUPERVISOR"),
                new Person("team8", "喻志强", "传输保障班组", "TEAM_SUPERVISOR"),
                new Person("team9", "柏雪梅", "渠道管理班组", "TEAM_SUPERVISOR"),
                new Person("team10", "水长江", "网络维护班组", "TEAM_SUPERVISOR"),
                new Person("grid3", "窦海燕", "常乐网格", "GRID_SUPERVISOR"),
                new Person("grid4", "章明", "福成网格", "GRID_SUPERVISOR"),
                new Person("grid5", "云飞", "银滩网格", "GRID_SUPERVISOR"),
                new Person("grid6", "苏晓梅", "侨港网格", "GRID_SUPERVISOR"),
                new Person("grid7", "潘建新", "南康网格", "GRID_SUPERVISOR"),
                new Person("grid8", "葛春燕", "营盘网格", "GRID_SUPERVISOR"),
                new Person("grid9", "奚志远", "兴港网格", "GRID_SUPERVISOR"),
                new Person("staff2", "范丽君", "政企客户部", "EMPLOYEE"),
                new Person("staff3", "彭国平", "工程建设部", "EMPLOYEE"),
                new Person("staff4", "郎晓静", "网络部", "EMPLOYEE"),
                new Person("staff5", "鲁大伟", "人力资源部", "EMPLOYEE"),
                new Person("staff6", "韦春梅", "财务部", "EMPLOYEE"),
                new Person("staff7", "昌明辉", "综合部", "EMPLOYEE"),
                new Person("staff8", "马玉珍", "合浦营销班组", "EMPLOYEE"),
                new Person("staff9", "苗壮", "银海营销班组", "EMPLOYEE"),
                new Person("staff10", "凤小兰", "铁山港营销班组", "EMPLOYEE"),
                new Person("staff11", "花建平", "廉州网格", "EMPLOYEE"),
                new Person("staff12", "方晓红", "福成网格", "EMPLOYEE"),
                new Person("staff13", "俞海军", "南康网格", "EMPLOYEE"));
    }
}
