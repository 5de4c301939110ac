package cn.jiandu.training.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** Quarters as the library names them: {@code 2026Q3}. */
final class Quarters {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}Q[1-4]");

    private Quarters() {
    }

    static String of(LocalDate day) {
        return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    static boolean valid(String quarter) {
        return quarter != null && FORMAT.matcher(quarter).matches();
    }

    static String previous(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(5) - '0';
        return q == 1 ? (year - 1) + "Q4" : year + "Q" + (q - 1);
    }
}
