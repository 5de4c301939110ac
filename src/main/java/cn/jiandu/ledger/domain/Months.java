package cn.jiandu.ledger.domain;

import cn.jiandu.shared.time.ClockConfig;
import java.time.Instant;
import java.time.LocalDate;

final class Months {

    private Months() {
    }

    static LocalDate day(Instant i) {
        return i.atZone(ClockConfig.ZONE).toLocalDate();
    }

    static int key(LocalDate d) {
        return d.getYear() * 100 + d.getMonthValue();
    }

    static int key(Instant i) {
        return key(day(i));
    }

    static String code(int monthKey) {
        return String.format("%d-%02d", monthKey / 100, monthKey % 100);
    }
}
