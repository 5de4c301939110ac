package cn.jiandu.problem.web;

import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Warning;
import cn.jiandu.problem.domain.ProblemFilter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The ledger's filter as the page and its export read it from the query string: one record bound by Spring (a
 * handler parameter without annotation), instead of the same seven {@code @RequestParam}s spelled out in each
 * handler. Blank text means "no filter".
 */
record LedgerQuery(ProblemStatus status, String categoryCode, Long orgUnitId, Warning warning, String q,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    ProblemFilter filter() {
        return new ProblemFilter(status, blank(categoryCode), orgUnitId, warning, blank(q), from, to, false, false);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
