package cn.jiandu.selection.domain;

import cn.jiandu.selection.PerformanceGrade;
import cn.jiandu.selection.PoliticalStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** 人员档案: the facts the criteria are checked against. {@code performance} by year. */
public record Profile(long userId, PoliticalStatus politicalStatus, LocalDate partyJoinDate, String post,
        int frontlineYears, Map<Integer, PerformanceGrade> performance, boolean disciplinaryRecord) {

    public Profile {
        performance = new TreeMap<>(performance);
    }
}
