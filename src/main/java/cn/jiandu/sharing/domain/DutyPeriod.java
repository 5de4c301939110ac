package cn.jiandu.sharing.domain;

import cn.jiandu.sharing.DutyPeriodType;
import java.time.LocalDate;

public record DutyPeriod(long id, String code, DutyPeriodType type, LocalDate startsOn, LocalDate dueOn,
        boolean reminded) {
}
