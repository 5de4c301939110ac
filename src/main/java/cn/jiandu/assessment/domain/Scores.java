package cn.jiandu.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scores are kept to two decimals, rounded half up. */
final class Scores {

    static final BigDecimal ZERO = new BigDecimal("0.00");
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Scores() {
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal clamp(BigDecimal v, BigDecimal lo, BigDecimal hi) {
        return v.max(lo).min(hi);
    }
}
