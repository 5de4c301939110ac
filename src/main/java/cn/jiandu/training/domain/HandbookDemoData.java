package cn.jiandu.training.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.seed.SeedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo 监督一本通: the eight chapters of the source (职责定位, 监督清单, 监督问题台账, 学习教育, 问题线索移交,
 * 谈心谈话, 履职考核体系, 考核结果应用), published as version 1, revised as version 2 (the checklist grew, the
 * ledger chapter names the Excel export), and a third draft the office is still working on. Written through
 * {@link Handbook} as the admin, so the rendering and the checklist items are made exactly as in real use.
 */
@Component
@Profile("demo")
class HandbookDemoData implements SeedStep {

    static final String[][] V1 = {
            {"DUTIES", "职责定位", """
                    基层监督人员是公司**大监督体系**延伸到班组、网格的“探头”，分为三类：

                    - **支部纪检委员**：协助支部书记抓好支部党风廉政建设，监督支部党员履职；
                    - **班组监督员**：在市场经营部、政企客户部、工程建设部、网络部等重点领域班组开展日常监督；
                    - **网格监督员**：在营销网格一线发现、反映问题，做到“随手填、随手拍”。

                    监督员要**愿意监督、敢于监督、善于监督**，发现问题通过“监督一点通”实名反映。"""},
            {"CHECKLIST", "监督清单", """
                    按监督员类型逐项开展日常监督（格式：监督事项 | 频次）。

                    ## 支部纪检委员
                    - 支部“三会一课”落实情况 | 每季度
                    - 党员廉洁从业承诺执行情况 | 每半年

                    ## 班组监督员
                    - 渠道酬金结算合规情况 | 每月
                    - 工程物资领用与退库情况 | 每月

                    ## 网格监督员
                    - 营业厅明码标价与资费公示 | 每月
                    - 代理商违规捆绑销售 | 每月"""},
            {"LEDGER", "监督问题台账", """
                    通过“监督一点通”反映的问题自动进入**监督问题台账**：分办、受理、整改、办结、评价全程留痕，超期自动预警。"""},
            {"LEARNING", "学习教育", """
                    新上岗监督员开展“五个一”：一次理论学习、一次监督方法指导、一次警示教育、一次座谈交流、一次知识测试。

                    季度监督员专题业务培训班是履职的**必修课**；各支部结合“三会一课”灵活组织培训。"""},
            {"CLUES", "问题线索移交", """
                    发现涉及违纪违规的严重问题，形成**问题线索**，按程序移交公司纪委办公室，仅纪委办和领导可见，严格保密。"""},
            {"TALKS", "谈心谈话", """
                    监督员结合日常工作开展谈心谈话，记录谈话对象、时间、主题、主要内容和后续跟进，做到早提醒、早纠正。"""},
            {"ASSESSMENT", "履职考核体系", """
                    围绕**履职情况反馈、监督工作质量、培训及考试、加分及扣分**四大维度，分三类群体“量身定制”考核套餐，构建“各党支部—各职能部门—各基层网格”三级监督责任考核体系。"""},
            {"RESULTS", "考核结果应用", """
                    考核结果应用于个人年度绩效加分或支部党建考评，作为评优评先的重要参考；对优秀者通报表扬，对不合格者由公司纪委书记约谈。"""}};

    private final Handbook handbook;
    private final UserDirectory users;

    HandbookDemoData(Handbook handbook, UserDirectory users) {
        this.handbook = handbook;
        this.users = users;
    }

    @Override
    public String name() {
        return "training.handbook-demo";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.demo-people");
    }

    @Override
    @Transactional
    public void run() {
        if (handbook.currentVersion().isPresent()) {
            return;
        }
        long adminId = users.findByUsername("admin").orElseThrow().id();
        JianduPrincipal admin = users.principal(adminId).orElseThrow();
        Handbook.Draft first = handbook.newDraft(admin);
        handbook.save(admin, first.id(), chapters(V1), null);
        handbook.publish(admin, first.id());

        List<Handbook.ChapterInput> v2 = chapters(V1);
        v2.set(1, new Handbook.ChapterInput("CHECKLIST", "监督清单", V1[1][2] + "\n- 装维上门服务规范 | 每周"));
        v2.set(2, new Handbook.ChapterInput("LEDGER", "监督问题台账", V1[2][2]
                + "\n\n台账可按状态、类别、单位筛选，并**导出 Excel**，供支部和职能部门对账。"));
        Handbook.Draft second = handbook.newDraft(admin);
        handbook.save(admin, second.id(), v2, null);
        handbook.publish(admin, second.id());

        List<Handbook.ChapterInput> v3 = new ArrayList<>(v2);
        v3.set(5, new Handbook.ChapterInput("TALKS", "谈心谈话", V1[5][2]
                + "\n\n谈话记录在“谈心谈话”中填写，计入本人培训记录。"));
        Handbook.Draft third = handbook.newDraft(admin);
        handbook.save(admin, third.id(), v3, null);
    }

    static List<Handbook.ChapterInput> chapters(String[][] rows) {
        List<Handbook.ChapterInput> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(new Handbook.ChapterInput(r[0], r[1], r[2]));
        }
        return out;
    }
}
