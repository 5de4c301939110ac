package cn.jiandu.assessment.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The figures a 季通报 is drafted from, kept with the draft (so the document always shows what the office saw): the
 * 一点通 figures of the supervisors' reports, duty-feedback timeliness, training attendance and exams, the
 * three-level ranking (党支部, 职能部门/县分公司, 网格) and the 优秀 results of the quarter's published runs.
 *
 * @param onTimeRate  mean of the supervisors' 履职反馈及时率 (those with material due), null when none was due
 * @param examAverage mean of the best exam percent of those who took one, null without exams
 */
public record BulletinFigures(String quarter, int supervisors, int reported, int resolved, int satisfied, int overdue,
        int transferred, Double onTimeRate, int sessions, int invited, int attended, int examTakers,
        BigDecimal examAverage, List<Rank> ranking, List<Commended> commended) {

    /** One unit's place on its level. */
    public record Rank(String level, int place, String unit, int supervisors, int reported, int resolved) {
    }

    /** A 优秀 result of a published run of the quarter (通报表扬). */
    public record Commended(String person, String unit, String type, BigDecimal total) {
    }

    public Double satisfactionRate() {
        return resolved == 0 ? null : (double) satisfied / resolved;
    }

    public Double attendanceRate() {
        return invited == 0 ? null : (double) attended / invited;
    }
}
