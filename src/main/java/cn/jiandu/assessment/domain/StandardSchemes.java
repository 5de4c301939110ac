package cn.jiandu.assessment.domain;

import static cn.jiandu.assessment.IndicatorSource.BONUS;
import static cn.jiandu.assessment.IndicatorSource.DEDUCTION;
import static cn.jiandu.assessment.IndicatorSource.METRIC;
import static cn.jiandu.assessment.IndicatorSource.RUBRIC;

import cn.jiandu.assessment.IndicatorSource;
import cn.jiandu.shared.security.Role;
import java.math.BigDecimal;
import java.util.List;

/**
 * The three 量身定制 schemes the office starts from (the demo's and a fresh installation's first draft): the four
 * dimensions of the source (履职情况反馈, 监督工作质量, 培训及考试, 加分及扣分), weighted per type — a 网格监督员 is
 * judged most on what he finds on the ground, a 支部纪检委员 more on his branch's warning education and talks.
 */
public final class StandardSchemes {

    private StandardSchemes() {
    }

    public static SchemeDefinition of(Role type, int year) {
        Grades grades = new Grades(new BigDecimal("90"), new BigDecimal("60"), new BigDecimal("0.20"));
        return switch (type) {
            case GRID_SUPERVISOR -> new SchemeDefinition(type, year, List.of(
                    dim("FEEDBACK", "履职情况反馈", "30",
                            ind("ON_TIME", "履职材料按时反馈", METRIC, "feedbackOnTimeRate",
                                    Rule.linear("0.6", "1.0"), "20", null),
                            ind("MATERIALS", "监督支撑材料", METRIC, "materials",
                                    Rule.steps("1", "4", "3", "7", "5", "10"), "10", null)),
                    dim("QUALITY", "监督工作质量", "40",
                            ind("FOUND", "发现问题", METRIC, "problemsReported", Rule.ratio("4"), "20", null),
                            ind("RESOLVED", "推动整改", METRIC, "problemsResolved", Rule.ratio("2"), "10", null),
                            ind("QUALITY_RUBRIC", "问题质量评价", RUBRIC, null, null, "10", null)),
                    dim("TRAINING", "培训及考试", "20",
                            ind("EXAM", "业务考试成绩", METRIC, "examBest", Rule.linear("60", "100"), "15", null),
                            ind("WARNING", "警示教育", METRIC, "warningEducation", Rule.steps("1", "3", "2", "5"),
                                    "5", null)),
                    bonusDimension()), grades);
            case TEAM_SUPERVISOR -> new SchemeDefinition(type, year, List.of(
                    dim("FEEDBACK", "履职情况反馈", "30",
                            ind("ON_TIME", "履职材料按时反馈", METRIC, "feedbackOnTimeRate",
                                    Rule.linear("0.6", "1.0"), "20", null),
                            ind("MATERIALS", "监督支撑材料", METRIC, "materials",
                                    Rule.steps("1", "4", "3", "7", "5", "10"), "10", null)),
                    dim("QUALITY", "监督工作质量", "35",
                            ind("FOUND", "发现问题", METRIC, "problemsReported", Rule.ratio("3"), "15", null),
                            ind("SATISFIED", "整改满意", METRIC, "problemsSatisfied", Rule.ratio("2"), "10", null),
                            ind("QUALITY_RUBRIC", "班组监督质量评价", RUBRIC, null, null, "10", null)),
                    dim("TRAINING", "培训及考试", "25",
                            ind("EXAM", "业务考试成绩", METRIC, "examBest", Rule.linear("60", "100"), "15", null),
                            ind("WARNING", "警示教育", METRIC, "warningEducation", Rule.steps("1", "5", "2", "10"),
                                    "10", null)),
                    bonusDimension()), grades);
            case BRANCH_INSPECTOR -> new SchemeDefinition(type, year, List.of(
                    dim("FEEDBACK", "履职情况反馈", "30",
                            ind("ON_TIME", "履职材料按时反馈", METRIC, "feedbackOnTimeRate",
                                    Rule.linear("0.6", "1.0"), "15", null),
                            ind("TALKS", "谈心谈话", METRIC, "talks", Rule.steps("1", "5", "2", "10", "4", "15"),
                                    "15", null)),
                    dim("QUALITY", "监督工作质量", "35",
                            ind("FOUND", "发现问题", METRIC, "problemsReported", Rule.ratio("3"), "15", null),
                            ind("TRANSFERRED", "问题线索移交", METRIC, "problemsTransferred", Rule.ratio("5"),
                                    "5", null),
                            ind("QUALITY_RUBRIC", "支部监督质量评价", RUBRIC, null, null, "15", null)),
                    dim("TRAINING", "培训及考试", "25",
                            ind("EXAM", "业务考试成绩", METRIC, "examBest", Rule.linear("60", "100"), "15", null),
                            ind("WARNING", "警示教育", METRIC, "warningEducation", Rule.steps("1", "5", "2", "10"),
                                    "10", null)),
                    bonusDimension()), grades);
            default -> throw new IllegalArgumentException("not a supervisor type: " + type);
        };
    }

    private static Dimension bonusDimension() {
        return dim("ADJUST", "加分及扣分", "10",
                ind("CASES", "优秀案例入选", BONUS, "casesSelected", Rule.ratio("5"), "10", "10"),
                ind("COMMENDED", "获上级表扬", BONUS, null, null, "5", null),
                ind("OVERDUE", "问题整改超期", DEDUCTION, "problemsOverdue", Rule.ratio("2"), "6", "6"),
                ind("NEGLECT", "履职不到位", DEDUCTION, null, null, "10", null));
    }

    private static Dimension dim(String code, String name, String weight, Indicator... indicators) {
        return new Dimension(code, name, new BigDecimal(weight), List.of(indicators));
    }

    private static Indicator ind(String code, String name, IndicatorSource source, String metric, Rule rule,
            String max, String cap) {
        return new Indicator(code, name, source, metric, rule, new BigDecimal(max),
                cap == null ? null : new BigDecimal(cap));
    }
}
