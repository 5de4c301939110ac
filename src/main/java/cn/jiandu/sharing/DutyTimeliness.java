package cn.jiandu.sharing;

import java.time.LocalDate;
import java.util.Map;

/** 履职反馈及时率 for other modules (the ledger): duty-material submissions on time over due dates in a range. */
public interface DutyTimeliness {

    /**
     * The share (0..1) of the periods due within [{@code from}, {@code to}] that {@code userId} submitted on time,
     * or {@code null} when no period falls in the range or he belongs to no space.
     */
    Double onTimeRate(long userId, LocalDate from, LocalDate to);

    /** {@link #onTimeRate} for every supervisor who belongs to a space; users without periods map to null. */
    Map<Long, Double> onTimeRates(LocalDate from, LocalDate to);
}
