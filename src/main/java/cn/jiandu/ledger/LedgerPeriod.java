package cn.jiandu.ledger;

import cn.jiandu.shared.Refusal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ledger period: a month {@code 2026-09}, a quarter {@code 2026-Q3}, a half-year {@code 2026-H2} or a year
 * {@code 2026}. Days are inclusive.
 */
public record LedgerPeriod(String code, Granularity granularity, LocalDate from, LocalDate to) {

    public enum Granularity {
        MONTH(1), QUARTER(3), HALF(6), YEAR(12);

        final int months;

        Granularity(int months) {
            this.months = months;
        }
    }

    private static final Pattern P = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])|H([12])))?");

    /** Parses a period code or refuses naming {@code field}. */
    public static LedgerPeriod parse(String code, String field) {
        Matcher m = code == null ? null : P.matcher(code.trim());
        if (m == null || !m.matches()) {
            throw Refusal.invalidField(field, "ledger.error.period");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw Refusal.invalidField(field, "ledger.error.period");
            }
            return of(year, month, Granularity.MONTH);
        }
        if (m.group(3) != null) {
            return of(year, (Integer.parseInt(m.group(3)) - 1) * 3 + 1, Granularity.QUARTER);
        }
        if (m.group(4) != null) {
            return of(year, (Integer.parseInt(m.group(4)) - 1) * 6 + 1, Granularity.HALF);
        }
        return of(year, 1, Granularity.YEAR);
    }

    public static LedgerPeriod parse(String code) {
        return parse(code, "period");
    }

    static LedgerPeriod of(int year, int firstMonth, Granularity g) {
        YearMonth first = YearMonth.of(year, firstMonth);
        YearMonth last = first.plusMonths(g.months - 1);
        String code = switch (g) {
            case MONTH -> first.toString();
            case QUARTER -> year + "-Q" + ((firstMonth - 1) / 3 + 1);
            case HALF -> year + "-H" + ((firstMonth - 1) / 6 + 1);
            case YEAR -> String.valueOf(year);
        };
        return new LedgerPeriod(code, g, first.atDay(1), last.atEndOfMonth());
    }

    /** The period of the same granularity that follows. */
    public LedgerPeriod next() {
        YearMonth n = YearMonth.from(from).plusMonths(granularity.months);
        return of(n.getYear(), n.getMonthValue(), granularity);
    }

    /** The period of this granularity holding {@code day}. */
    public static LedgerPeriod holding(LocalDate day, Granularity g) {
        int first = (day.getMonthValue() - 1) / g.months * g.months + 1;
        return of(day.getYear(), first, g);
    }

    /** {@code from}, the next, ... up to and including {@code to}'s period (at most 120 of them). */
    public static List<LedgerPeriod> range(LedgerPeriod from, LedgerPeriod to) {
        List<LedgerPeriod> out = new ArrayList<>();
        for (LedgerPeriod p = from; !p.from().isAfter(to.to()) && out.size() < 120; p = p.next()) {
            out.add(p);
        }
        return out;
    }

    public int firstMonthKey() {
        return from.getYear() * 100 + from.getMonthValue();
    }

    public int lastMonthKey() {
        return to.getYear() * 100 + to.getMonthValue();
    }

    /** Whether the period is over on {@code today}. */
    public boolean endedBy(LocalDate today) {
        return today.isAfter(to);
    }
}
